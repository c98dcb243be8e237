import { z } from 'astro/zod';
import { catalog } from './data/catalog.ts';
import { isoDate, mapStateSchema } from './mapStateSchema.ts';
import { seedParagraphCount } from './seed.ts';

/**
 * The frontmatter of one story section (`src/content/story/*.md`), validated when the site is
 * built: a section naming an unknown place, path or layer stops the build with the file and the
 * field.
 */

const sourceSchema = z.strictObject({
  name: z.string().min(3).describe('who reported it, e.g. "Syrian Observatory for Human Rights via Reuters"'),
  date: isoDate.optional(),
  url: z.url().optional(),
});

export const sectionSchema = z
  .strictObject({
    title: z.string().min(3),
    order: z.number().int().min(1),
    dates: z.string().min(4).describe('the date or dates the section covers, as the reader sees them'),
    seed: z.array(z.number().int().min(1)).min(1).describe('paragraphs (¶) of the seed article it draws on'),
    sources: z.array(sourceSchema).default([]).describe('other cited sources'),
    alt: z.string().min(40).describe('plain-language description of the map, read by screen readers'),
    map: mapStateSchema,
  })
  .superRefine((section, ctx) => {
    const data = catalog();
    const fail = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const paragraphs = seedParagraphCount();
    section.seed.forEach((n, i) => {
      if (n > paragraphs) fail(['seed', i], `paragraph ${n} does not exist: the seed has ${paragraphs}`);
    });
    const { map } = section;
    map.places.forEach((id, i) => {
      if (!data.places.has(id)) fail(['map', 'places', i], `unknown place "${id}"`);
    });
    map.highlight.forEach((id, i) => {
      if (data.places.has(id) && !map.places.includes(id)) fail(['map', 'highlight', i], `place "${id}" is called out but not in "places"`);
      else if (!data.places.has(id) && !data.posts.has(id) && !data.events.has(id)) fail(['map', 'highlight', i], `unknown place, post or event "${id}"`);
    });
    map.paths.forEach((path, i) => {
      if (!data.paths.has(path.id)) fail(['map', 'paths', i, 'id'], `unknown road or movement "${path.id}"`);
    });
    if (typeof map.date !== 'string' && map.date.start > map.date.end) {
      fail(['map', 'date'], `"start" (${map.date.start}) is after "end" (${map.date.end})`);
    }
  });

export type SectionData = z.output<typeof sectionSchema>;
