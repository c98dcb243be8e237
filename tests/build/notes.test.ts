import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSections } from '../support/sections.ts';
import { NOTE_KINDS, sourceLabel } from '../../src/build/sectionSchema.ts';

// What readers get of the editor's notes and the source labels, read from the built pages:
// each section's notes under its text on the story page and in its embed, all of them again at
// the end of the story, and every source named with its kind.

const DIST = process.env.DIST ?? 'dist';
const built = existsSync(join(DIST, 'index.html'));
const steps = readSections();

/** A page's text as a reader sees it: tags gone, Astro's escapes undone, spaces collapsed. */
const text = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The HTML of the first `tag` element whose opening tag holds `attribute` (e.g. `class="notes"`). */
function element(html: string, attribute: string, tag = 'div'): string | undefined {
  const at = html.indexOf(attribute);
  if (at < 0) return undefined;
  const open = html.lastIndexOf(`<${tag}`, at);
  let depth = 0;
  for (const m of html.slice(open).matchAll(new RegExp(`<${tag}\\b|</${tag}>`, 'g'))) {
    depth += m[0] === `</${tag}>` ? -1 : 1;
    if (depth === 0) return html.slice(open, open + m.index + m[0].length);
  }
  return undefined;
}

describe.runIf(built)(`editor's notes and source labels in the built pages (${DIST}/)`, () => {
  const story = built ? readFileSync(join(DIST, 'index.html'), 'utf8') : '';
  const sectionOf = (slug: string) => element(story, `id="${slug}"`, 'section')!;

  it('exist, so these checks cannot pass on a story without notes', () => {
    expect(steps.flatMap((s) => s.data.notes).length).toBeGreaterThan(5);
  });

  for (const step of steps) {
    it(`${step.slug}: its notes under its text, on the story page and in its embed`, () => {
      const embed = readFileSync(join(DIST, 'embed', step.slug, 'index.html'), 'utf8');
      for (const [page, html] of [
        ['story', sectionOf(step.slug)],
        ['embed', embed],
      ] as const) {
        const notes = element(html, 'class="notes"');
        if (step.data.notes.length === 0) {
          expect(notes, `${page}: no empty notes block`).toBeUndefined();
          continue;
        }
        expect(html.indexOf('class="notes"'), `${page}: notes come after the text`).toBeGreaterThan(html.indexOf('class="prose"'));
        for (const note of step.data.notes) {
          expect(text(notes ?? ''), page).toContain(`Editor’s note · ${NOTE_KINDS[note.kind]}: ${flat(note.text)}`);
        }
      }
    });

    it(`${step.slug}: every source named with its kind`, () => {
      const sources = text(element(sectionOf(step.slug), 'class="sources"', 'p')!);
      for (const source of step.data.sources) {
        expect(sources).toContain(`${flat(source.name)} (${sourceLabel(source)}${source.licence ? `; ${source.licence}` : ''})`);
      }
    });
  }

  it('gathers every note at the end of the story, under its section', () => {
    const index = text(element(story, 'class="notes-index"', 'ul')!);
    for (const step of steps) {
      const notes = step.data.notes.map((note) => `${NOTE_KINDS[note.kind]}: ${flat(note.text)}`);
      if (notes.length) expect(index).toContain(`${step.data.title} ${notes.join(' ')}`);
    }
  });

  it('credits GeoNames and the CC BY-SA works whose positions the map uses', () => {
    const footer = text(element(story, 'class="credits"', 'footer')!);
    expect(footer).toContain('GeoNames (geonames.org, CC BY 4.0)');
    expect(footer).toContain('under CC BY-SA');
    expect(footer).toContain('Nairab (Wikimapia)');
    expect(footer).toContain('Bab al-Hawa crossing (Wikipedia)');
  });
});
