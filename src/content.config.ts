import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { sectionSchema } from '@build/sectionSchema.ts';
import { utf8Only } from '@build/utf8.ts';

const STORY = './src/content/story';

// One Markdown file per story section; its frontmatter is the section's complete map state.
// A section naming an unknown place, path or layer stops the build with the file and the field;
// a section that is not UTF-8 stops it with the file and the byte.
const story = defineCollection({
  loader: utf8Only(glob({ pattern: '*.md', base: STORY }), STORY),
  schema: sectionSchema,
});

export const collections = { story };
