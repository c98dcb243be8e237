import { z } from 'astro/zod';
import { catalog } from './data/catalog.ts';
import { isoDate, mapStateSchema } from './mapStateSchema.ts';
import { seedParagraphCount } from './seed.ts';

/**
 * The frontmatter of one story section (`src/content/story/*.md`), validated when the site is
 * built: a section naming an unknown place, path or layer stops the build with the file and the
 * field.
 */

/**
 * What kind of source a citation is, and what the reader is told about it (shown after its name).
 * `party`: a party to the conflict speaking for itself (a government, army, ministry, armed
 * group); `partisan`: an outlet aligned with one; `state-media`: a state's news organ.
 */
export const SOURCE_KINDS = {
  wire: 'news agency',
  monitor: 'war monitor',
  humanitarian: 'humanitarian agency',
  'state-media': 'state media',
  party: 'party to the conflict',
  partisan: 'partisan outlet',
  news: 'news outlet',
  reference: 'reference work',
} as const;
export type SourceKind = keyof typeof SOURCE_KINDS;

/** Kinds whose reader label must say whose side they are on: "state media" alone does not. */
const KINDS_NEEDING_ABOUT: readonly SourceKind[] = ['state-media', 'partisan'];

// A link a reader can follow: a `javascript:` or `data:` address in a source list is never one.
const webUrl = z.url({ protocol: /^https?$/, error: (issue) => `must be an http: or https: address, not "${String(issue.input)}"` });

const sourceSchema = z
  .strictObject({
    name: z.string().min(3).describe('who reported it, e.g. "Syrian Observatory for Human Rights via Reuters"'),
    kind: z.enum(Object.keys(SOURCE_KINDS) as [SourceKind, ...SourceKind[]]).describe('what kind of source it is'),
    about: z.string().min(3).optional().describe('what the reader is told of it instead of the kind, e.g. "pro-government Syrian site"'),
    licence: z.string().min(3).optional().describe('the licence whose terms require credit, e.g. "CC BY-SA 4.0"'),
    date: isoDate.optional(),
    url: webUrl.optional(),
  })
  .superRefine((source, ctx) => {
    if (KINDS_NEEDING_ABOUT.includes(source.kind) && !source.about) {
      ctx.addIssue({
        code: 'custom',
        path: ['about'],
        message: `a ${source.kind} source must say whose it is, e.g. "Russian state media", "pro-government Syrian site"`,
      });
    }
  });

/** How the reader sees a source's kind: its `about`, else the kind's plain name. */
export const sourceLabel = (source: { kind: SourceKind; about?: string | undefined }) => source.about ?? SOURCE_KINDS[source.kind];

/** Kinds of editor's note, as the reader sees them. */
export const NOTE_KINDS = {
  uncertain: 'Uncertain',
  contested: 'Accounts differ',
  translation: 'Translation',
  schematic: 'Schematic map',
  correction: 'Correction',
} as const;
export type NoteKind = keyof typeof NOTE_KINDS;

const noteSchema = z.strictObject({
  kind: z.enum(Object.keys(NOTE_KINDS) as [NoteKind, ...NoteKind[]]),
  text: z.string().min(20).describe("plain text shown under the section as an editor's note"),
});

/** A case-insensitive regular expression, written as a string in the frontmatter. */
const pattern = z
  .string()
  .min(2)
  .superRefine((source, ctx) => {
    try {
      new RegExp(source, 'iu');
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(error as Error).message}` });
    }
  });

/**
 * A claim the section reports on someone's word. `statedAs` are the ways of putting it that
 * count as stating it; `creditedAs` the ways of naming who says so. Wherever the section's text
 * (or any headline, share card or milestone) matches a `statedAs`, it must also match a `creditedAs`.
 */
const claimSchema = z.strictObject({
  claim: z.string().min(8).describe('the claim in plain words'),
  attributedTo: z.string().min(3).describe('who makes it, as the reader is told'),
  statedAs: z.array(pattern).min(1).describe('case-insensitive regular expressions that state the claim'),
  creditedAs: z.array(pattern).min(1).describe('case-insensitive regular expressions that name its source'),
});
export type Claim = z.output<typeof claimSchema>;

export const sectionSchema = z
  .strictObject({
    title: z.string().min(3),
    order: z.number().int().min(1),
    dates: z.string().min(4).describe('the date or dates the section covers, as the reader sees them'),
    seed: z.array(z.number().int().min(1)).min(1).describe('paragraphs (¶) of the seed article it draws on'),
    sources: z.array(sourceSchema).default([]).describe('other cited sources'),
    alt: z.string().min(40).describe('plain-language description of the map, read by screen readers'),
    notes: z.array(noteSchema).default([]).describe("editor's notes shown under the section and gathered at the end"),
    claims: z.array(claimSchema).default([]).describe('the claims the section attributes, and to whom'),
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
    map.events.forEach((id, i) => {
      if (!data.events.has(id)) fail(['map', 'events', i], `unknown event "${id}"`);
    });
    map.paths.forEach((path, i) => {
      const known = data.paths.get(path.id);
      if (!known) fail(['map', 'paths', i, 'id'], `unknown road or movement "${path.id}"`);
      else if (known.kind !== 'road' && path.drawn)
        fail(['map', 'paths', i, 'drawn'], `"${path.id}" is a movement: it reaches as far as the section's date says, not as far as "drawn" says`);
    });
    if (typeof map.date !== 'string' && map.date.start > map.date.end) {
      fail(['map', 'date'], `"start" (${map.date.start}) is after "end" (${map.date.end})`);
    }
  });

export type SectionData = z.output<typeof sectionSchema>;
