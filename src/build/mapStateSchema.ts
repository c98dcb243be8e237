import { z } from 'astro/zod';
import { LAYER_IDS } from '@lib/cartography/layers.ts';
import type { SectionMap } from '@lib/story/section.ts';

/**
 * The schema of a section's `map` block: zod only, so tests and tools can read a section's
 * frontmatter without loading the data. Its output is the browser's `SectionMap` (checked
 * below, by type); references to places and paths are checked in `sectionSchema.ts`.
 */

const lngLat = z.tuple([z.number().min(-180).max(180), z.number().min(-85).max(85)]);
const zoom = z.number().min(2).max(14);
const bearing = z.number().min(-180).max(180);
const pitch = z.number().min(0).max(60);

export const cameraSchema = z.strictObject({
  center: lngLat.describe('[longitude, latitude] of the map centre'),
  zoom,
  bearing: bearing.default(0),
  pitch: pitch.default(0),
});

// Only what differs on phones: no defaults here, or a section's bearing would be lost on phones.
const narrowSchema = z.strictObject({ center: lngLat.optional(), zoom: zoom.optional(), bearing: bearing.optional(), pitch: pitch.optional() });

// YAML reads an unquoted 2020-02-11 as a Date: accept it and keep the ISO day.
export const isoDate = z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), z.iso.date());

const fraction = z.number().min(0).max(1);
export const pathStateSchema = z.strictObject({
  id: z.string().describe('a road or movement id from data/'),
  drawn: z
    .tuple([fraction, fraction])
    .optional()
    .describe('roads only: the fraction drawn as the reader enters the section, and once they are through it (whole if absent)'),
});

export const mapStateSchema = z.strictObject({
  camera: cameraSchema,
  narrow: narrowSchema.optional().describe('camera overrides for phones'),
  layers: z.array(z.enum(LAYER_IDS)).default([]),
  places: z.array(z.string()).default([]).describe('place ids to label'),
  highlight: z.array(z.string()).default([]).describe('labelled place ids, or post or event ids, called out on the map'),
  events: z.array(z.string()).default([]).describe('event ids (data/markers.json) the section tells of, each shown from its day'),
  paths: z.array(pathStateSchema).default([]),
  date: z.union([isoDate, z.strictObject({ start: isoDate, end: isoDate })]).describe('what the timeline shows'),
});

// The schema's output is what the browser reads: keep the two in step.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameShape: Exact<z.output<typeof mapStateSchema>, SectionMap> = true;
void sameShape;
