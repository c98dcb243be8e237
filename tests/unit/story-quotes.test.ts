import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_FILE } from '../../src/build/seed.ts';

// Every direct quotation in the story must stand in the seed article word for word: the story may
// paraphrase, but what it puts inside quotation marks is what the speaker said, as Reuters printed it.

const STORY_DIR = join(process.cwd(), 'src/content/story');

/** The only liberties a quote may take: spacing, line breaks and the shape of the apostrophe. */
const normalise = (text: string) => text.replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();

const seed = normalise(readFileSync(SEED_FILE, 'utf8'));
const inSeed = (quote: string) => seed.includes(normalise(quote));

/** A section's Markdown without its frontmatter: the prose the reader sees. */
function body(markdown: string, file: string): string {
  const fence = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(markdown);
  if (!fence) throw new Error(`${file}: no frontmatter fences`);
  return markdown.slice(fence[0].length);
}

/** Passages inside curly “…” or straight "…" quotation marks, and any mark left unpaired. */
function quotations(text: string): { quotes: string[]; unpaired: string[] } {
  const quotes: string[] = [];
  const rest = text.replace(/“([^“”]*)”|"([^"]*)"/g, (_, curly?: string, straight?: string) => {
    quotes.push(curly ?? straight ?? '');
    return '';
  });
  return { quotes, unpaired: rest.match(/[“”"]/g) ?? [] };
}

const sections = readdirSync(STORY_DIR)
  .filter((file) => file.endsWith('.md'))
  .sort()
  .map((file) => ({ file, ...quotations(body(readFileSync(join(STORY_DIR, file), 'utf8'), file)) }));

describe('the quote matcher', () => {
  it('finds a quotation that runs over a line break and ends where the seed misplaces a space', () => {
    expect(inSeed('But that’s not\n  enough, it will continue,')).toBe(true);
    expect(inSeed("Today our NATO ally Turkey faces a threat from Assad's government and Russia.")).toBe(true);
  });

  it('rejects a quotation with one word changed', () => {
    expect(inSeed('Today our NATO ally Turkey faces a threat from Assad’s government and Iran.')).toBe(false);
    expect(inSeed('It will be almost impossible to find a place in an unfinished house,')).toBe(false);
  });

  it('pairs curly and straight quotation marks, and reports a mark left open', () => {
    expect(quotations('He said “a b” and “c d”, then "e f".')).toEqual({ quotes: ['a b', 'c d', 'e f'], unpaired: [] });
    expect(quotations('He said “a b and left it open.').unpaired).toEqual(['“']);
  });
});

describe('direct quotations in the story', () => {
  it('exist, so these checks cannot pass on an empty story', () => {
    expect(sections.length).toBeGreaterThan(0);
    expect(sections.flatMap((s) => s.quotes).length).toBeGreaterThan(0);
  });

  it.each(sections)('$file: every quotation mark is closed', ({ unpaired }) => {
    expect(unpaired).toEqual([]);
  });

  it.each(sections)('$file: every quotation is in the seed word for word', ({ file, quotes }) => {
    for (const quote of quotes) {
      expect(normalise(quote).split(' ').length, `${file}: “${quote}” is too short to attribute`).toBeGreaterThan(1);
      expect(inSeed(quote), `${file}: “${quote}” is not in the seed`).toBe(true);
    }
  });
});
