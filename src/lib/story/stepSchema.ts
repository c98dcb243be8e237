import { z } from 'astro/zod';
import { catalog } from '../data/catalog.ts';
import { seedParagraphCount } from './seed.ts';
import { isoDate, mapStateSchema } from './mapState.ts';

const sourceSchema = z.strictObject({
  name: z.string().min(3).describe('who reported it, e.g. "Syrian Observatory for Human Rights via Reuters"'),
  date: isoDate.optional(),
  url: z.url().optional(),
});

/** The frontmatter of one story section (`src/content/story/*.md`). */
export const stepSchema = z
  .strictObject({
    title: z.string().min(3),
    order: z.number().int().min(1),
    dates: z.string().min(4).describe('the date or dates the section covers, as the reader sees them'),
    seed: z.array(z.number().int().min(1)).min(1).describe('paragraphs (¶) of the seed article it draws on'),
    sources: z.array(sourceSchema).default([]).describe('other cited sources'),
    alt: z.string().min(40).describe('plain-language description of the map, read by screen readers'),
    map: mapStateSchema,
  })
  .superRefine((step, ctx) => {
    const data = catalog();
    const fail = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const paragraphs = seedParagraphCount();
    step.seed.forEach((n, i) => {
      if (n > paragraphs) fail(['seed', i], `paragraph ${n} does not exist: the seed has ${paragraphs}`);
    });
    step.map.places.forEach((id, i) => {
      if (!data.places.has(id)) fail(['map', 'places', i], `unknown place "${id}"`);
    });
    step.map.highlight.forEach((id, i) => {
      if (!data.places.has(id) && !data.markers.has(id)) fail(['map', 'highlight', i], `unknown place or marker "${id}"`);
    });
    step.map.paths.forEach((path, i) => {
      if (!data.paths.has(path.id)) fail(['map', 'paths', i, 'id'], `unknown road or movement "${path.id}"`);
    });
    if (typeof step.map.date !== 'string' && step.map.date.from > step.map.date.to) {
      fail(['map', 'date'], `"from" (${step.map.date.from}) is after "to" (${step.map.date.to})`);
    }
  });

export type StepData = z.output<typeof stepSchema>;
