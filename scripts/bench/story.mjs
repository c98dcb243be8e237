// The story's sections read straight from their Markdown files (frontmatter parsed with `yaml`,
// as tests/support/story.ts does), for the benchmark's tools: the first section's embed, the
// baseline page's chapters and the per-scroll micro-benchmark. Never from dist/story.json, whose
// format belongs to the site and changes with it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const STORY_DIR = 'src/content/story';

/** Every section in story order: file, slug, frontmatter (unvalidated) and Markdown body. */
export function readSections(dir = STORY_DIR) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${join(dir, file)}: no frontmatter`);
      const data = parse(match[1]);
      const order = Number(data?.order);
      if (!Number.isFinite(order)) throw new Error(`${join(dir, file)}: order: not a number (${data?.order})`);
      return { file: join(dir, file), slug: file.replace(/^\d+-/, '').replace(/\.md$/, ''), order, data, body: match[2] };
    })
    .sort((a, b) => a.order - b.order);
}
