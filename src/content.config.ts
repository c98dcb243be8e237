import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { sectionSchema } from '@build/sectionSchema.ts';

// One Markdown file per story section; its frontmatter is the section's complete map state.
// A section naming an unknown place, path or layer stops the build with the file and the field.
const story = defineCollection({
  loader: glob({ pattern: '*.md', base: './src/content/story' }),
  schema: sectionSchema,
});

export const collections = { story };
