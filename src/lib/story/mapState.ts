import { z } from 'astro/zod';

/**
 * The vocabulary of a section's map. A section's `map` is a complete state, never a diff from
 * the section before: whatever a reader arrives from (scrolling down, scrolling up, a reload, a
 * `#section` link), the map shows exactly this.
 */

/** Map layers a section can switch on, beyond the always-on base (land, sea, borders). */
export const LAYER_IDS = [
  'idlib', // the Idlib governorate outline
  'control', // schematic area held by the opposition around 11 Feb 2020
  'contested', // Nairab, fought over on 11 Feb
  'front', // the front east of Idlib where Turkey said its allies struck
  'strikes', // areas hit by Russian and Syrian air strikes
  'posts', // Turkish military positions
  'helicopter', // where the Syrian helicopter came down (approximate)
] as const;
export type LayerId = (typeof LAYER_IDS)[number];

const lngLat = z.tuple([z.number().min(-180).max(180), z.number().min(-85).max(85)]);

export const cameraSchema = z.strictObject({
  center: lngLat.describe('[longitude, latitude] of the map centre'),
  zoom: z.number().min(2).max(14),
  bearing: z.number().min(-180).max(180).default(0),
  pitch: z.number().min(0).max(60).default(0),
});
export type Camera = z.output<typeof cameraSchema>;

// YAML reads an unquoted 2020-02-11 as a Date: accept it and keep the ISO day.
export const isoDate = z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), z.iso.date());

export const pathStateSchema = z.strictObject({
  id: z.string().describe('a road or movement id from data/'),
  from: z.number().min(0).max(1).default(1).describe('drawn fraction when the section starts'),
  to: z.number().min(0).max(1).default(1).describe('drawn fraction once the reader is through the section'),
});
export type PathState = z.output<typeof pathStateSchema>;

export const mapStateSchema = z.strictObject({
  camera: cameraSchema,
  narrow: cameraSchema.partial().optional().describe('camera overrides for screens narrower than 640 px'),
  layers: z.array(z.enum(LAYER_IDS)).default([]),
  places: z.array(z.string()).default([]).describe('place ids to label'),
  highlight: z.array(z.string()).default([]).describe('place or marker ids called out on the map'),
  paths: z.array(pathStateSchema).default([]),
  date: z.union([isoDate, z.strictObject({ from: isoDate, to: isoDate })]).describe('what the timeline shows'),
});
export type MapState = z.output<typeof mapStateSchema>;
