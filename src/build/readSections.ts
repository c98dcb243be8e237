import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { sectionSchema, type SectionData } from './sectionSchema.ts';
import type { Section } from './sections.ts';

const DIR = 'src/content/story';

/**
 * The story's sections as the build sees them (frontmatter validated by the same schema), read
 * from the Markdown files without Astro's content layer: for unit tests of the text, and for
 * tools that run outside Astro (`npm run export`).
 */
export function readSections(): (Section & { file: string; body: string })[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(`${DIR}/${file}`, 'utf8'));
      if (!match) throw new Error(`${DIR}/${file}: no frontmatter`);
      const data: SectionData = sectionSchema.parse(parse(match[1]!));
      const body = match[2]!;
      // Only the fields the share and card helpers read of an Astro collection entry.
      const entry = { body } as Section['entry'];
      return { file, slug: file.replace(/^\d+-/, '').replace(/\.md$/, ''), data, entry, body };
    })
    .sort((a, b) => a.data.order - b.data.order);
}
