import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { mapStateSchema } from '../../src/build/mapStateSchema.ts';
import type { SectionMap } from '../../src/lib/story/section.ts';

export interface StorySection {
  file: string;
  slug: string;
  title: string;
  order: number;
  alt: string;
  map: SectionMap;
  body: string;
}

const DIR = 'src/content/story';

/**
 * The story's sections read straight from the Markdown files, independently of the site's own
 * loading code, so end-to-end tests compare what the page shows with what the editors wrote.
 */
export function readStory(): StorySection[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.md'))
    .map((file) => {
      const text = readFileSync(`${DIR}/${file}`, 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${DIR}/${file}: no frontmatter`);
      const data = parse(match[1]!) as { title: string; order: number; alt: string; map: unknown };
      return {
        file,
        slug: file.replace(/^\d+-/, '').replace(/\.md$/, ''),
        title: data.title,
        order: data.order,
        alt: data.alt,
        map: mapStateSchema.parse(data.map),
        body: match[2]!,
      };
    })
    .sort((a, b) => a.order - b.order);
}

/** The date a section's timeline shows at its end. */
export const endDate = (map: SectionMap) => (typeof map.date === 'string' ? map.date : map.date.end);
