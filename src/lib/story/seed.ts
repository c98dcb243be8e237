import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Builds and tests run from the project root (npm scripts); Vite rewrites `import.meta.url`.
export const SEED_FILE = resolve(process.cwd(), 'seeds/idlib-2020-02-11-reuters.txt');

let paragraphs: string[] | undefined;

/** The seed article's paragraphs: its non-empty lines, numbered from 1 across the project (¶). */
export function seedParagraphs(): string[] {
  paragraphs ??= readFileSync(SEED_FILE, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return paragraphs;
}

export const seedParagraphCount = () => seedParagraphs().length;
