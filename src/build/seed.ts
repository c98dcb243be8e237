import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Builds and tests run from the project root (npm scripts); Vite rewrites `import.meta.url`.
export const SEED_FILE = resolve(process.cwd(), 'seeds/idlib-2020-02-11-reuters.txt');

const cache = new Map<string, string[]>();

/** A seed article's paragraphs: its non-empty lines, numbered from 1 across the project (¶). */
export function seedParagraphs(file: string = SEED_FILE): string[] {
  let paragraphs = cache.get(file);
  if (!paragraphs) {
    paragraphs = readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    cache.set(file, paragraphs);
  }
  return paragraphs;
}

export const seedParagraphCount = (file?: string) => seedParagraphs(file).length;
