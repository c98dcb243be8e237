import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { seedParagraphs } from '@build/seed.ts';

// The story must carry the whole article: every paragraph of substance is cited (`seed`) by at least
// one section. Photo captions and the stray sub-headings of the translated copy are not claims.

const STORY_DIR = join(process.cwd(), 'src/content/story');

interface Section {
  file: string;
  number: number;
  slug: string;
  order: number;
  seed: number[];
}

function readSection(file: string): Section {
  const name = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/.exec(file);
  if (!name) throw new Error(`${file}: the file name is not NN-slug.md`);
  const [before, frontmatter, after] = readFileSync(join(STORY_DIR, file), 'utf8').split(/^---[ \t]*$/m);
  if (before?.trim() !== '' || frontmatter === undefined || after === undefined) {
    throw new Error(`${file}: no frontmatter between --- fences`);
  }
  const data = parse(frontmatter) as { order?: unknown; seed?: unknown };
  return {
    file,
    number: Number(name[1]),
    slug: name[2]!,
    order: data.order as number,
    seed: Array.isArray(data.seed) ? (data.seed as number[]) : [],
  };
}

const sections = readdirSync(STORY_DIR)
  .filter((file) => file.endsWith('.md'))
  .sort()
  .map(readSection);

const paragraphs = seedParagraphs();
const numbered = paragraphs.map((text, i) => ({ n: i + 1, text }));
/** A Reuters photo caption ends with its credit, e.g. "(Khalil Ashawi / Reuters)". */
const isCaption = (text: string) => /\([^()]*\/\s*Reuters\s*\)\s*$/.test(text);
/** A sub-heading is a line that is not a sentence; the closing byline is not one, it is the credit. */
const isHeading = (text: string) => !/[.!?”"’)]$/.test(text) && !/^By\s/.test(text);
const captions = numbered.filter(({ text }) => isCaption(text));
const headings = numbered.filter(({ text }) => !isCaption(text) && isHeading(text));
const substantive = numbered.filter(({ text }) => !isCaption(text) && !isHeading(text)).map(({ n }) => n);

describe('the seed article', () => {
  it('has the three photo captions and two stray sub-headings the storyboard describes', () => {
    // A guard on the two rules above: if they ever skip a real paragraph, these counts change.
    expect(captions.map(({ text }) => text)).toHaveLength(3);
    expect(headings.map(({ text }) => text)).toHaveLength(2);
    expect(substantive.length).toBe(paragraphs.length - 5);
  });
});

describe('story sections', () => {
  it('exist', () => {
    expect(sections.length).toBeGreaterThan(0);
  });

  it('are ordered 1..N with no gap or repeat, matching their file numbers', () => {
    expect(sections.map((s) => s.order)).toEqual(sections.map((_, i) => i + 1));
    for (const s of sections) expect(s.number, `${s.file}: file number vs order`).toBe(s.order);
  });

  it('have unique slugs', () => {
    const slugs = sections.map((s) => s.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('each cite at least one seed paragraph that exists', () => {
    for (const s of sections) {
      expect(s.seed.length, `${s.file}: empty seed`).toBeGreaterThan(0);
      for (const n of s.seed) {
        expect(Number.isInteger(n) && n >= 1 && n <= paragraphs.length, `${s.file}: ¶${n}`).toBe(true);
      }
    }
  });

  it('together cite every substantive paragraph of the seed', () => {
    const cited = new Set(sections.flatMap((s) => s.seed));
    const missing = substantive.filter((n) => !cited.has(n)).map((n) => `¶${n}: ${paragraphs[n - 1]!.slice(0, 60)}`);
    expect(missing).toEqual([]);
  });
});
