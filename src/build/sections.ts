import { getCollection, render } from 'astro:content';
import type { SectionData } from './sectionSchema.ts';

export interface Section {
  /** The file name without its `NN-` ordering prefix: the section's `#anchor` and embed path. */
  slug: string;
  data: SectionData;
  /** The collection entry, for `render()`. */
  entry: Awaited<ReturnType<typeof getCollection<'story'>>>[number];
}

/** The story's sections in reading order; the build stops if two share an `order`. */
export async function getSections(): Promise<Section[]> {
  const entries = await getCollection('story');
  const sections = entries.map((entry) => ({ slug: entry.id.replace(/^\d+-/, ''), data: entry.data, entry })).sort((a, b) => a.data.order - b.data.order);
  sections.forEach((section, i) => {
    const other = sections[i - 1];
    if (other && other.data.order === section.data.order) {
      throw new Error(`src/content/story/${section.entry.id}.md: field "order": ${section.data.order} is also used by ${other.entry.id}.md`);
    }
  });
  return sections;
}

export const renderSection = (section: Section) => render(section.entry);
