import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sectionSchema, sourceLabel } from './sectionSchema.ts';

// The frontmatter fields of this review: source kinds, licences and safe links; editor's notes;
// attributed claims. Bad input stops the build naming the field and the reason.

const base = parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync('src/content/story/01-the-road.md', 'utf8'))![1]!) as Record<string, unknown>;

/** The first problem zod finds with a section like section 1 but with these fields, as "path: message". */
function problem(fields: Record<string, unknown>): string | undefined {
  const result = sectionSchema.safeParse({ ...base, ...fields });
  if (result.success) return undefined;
  const issue = result.error.issues[0]!;
  return `${issue.path.join('.')}: ${issue.message}`;
}

const source = { name: 'Al-Masdar News', kind: 'partisan', about: 'pro-government Syrian site', url: 'https://www.almasdarnews.com/' };

describe('sources', () => {
  it('take a kind, shown to readers as its plain name or as what the editor says of it', () => {
    expect(problem({ sources: [source] })).toBeUndefined();
    expect(sourceLabel({ kind: 'monitor' })).toBe('war monitor');
    expect(sourceLabel({ kind: 'partisan', about: 'pro-government Syrian site' })).toBe('pro-government Syrian site');
  });

  it('refuse a source without a kind, or with one not in the list', () => {
    expect(problem({ sources: [{ name: 'Al-Masdar News' }] })).toMatch(/^sources\.0\.kind: /);
    expect(problem({ sources: [{ ...source, kind: 'blog' }] })).toMatch(/^sources\.0\.kind: /);
  });

  it('make state media and partisan outlets say whose they are', () => {
    expect(problem({ sources: [{ name: 'RT, via Yahoo', kind: 'state-media' }] })).toBe(
      'sources.0.about: a state-media source must say whose it is, e.g. "Russian state media", "pro-government Syrian site"',
    );
    expect(problem({ sources: [{ name: 'SouthFront', kind: 'partisan' }] })).toMatch(/^sources\.0\.about: a partisan source must say whose it is/);
  });

  it('take only http: and https: links', () => {
    expect(problem({ sources: [{ ...source, url: 'http://english.almanar.com.lb/937180' }] })).toBeUndefined();
    expect(problem({ sources: [{ ...source, url: 'javascript:alert(1)' }] })).toBe(
      'sources.0.url: must be an http: or https: address, not "javascript:alert(1)"',
    );
    expect(problem({ sources: [{ ...source, url: 'data:text/html,<b>x</b>' }] })).toMatch(/^sources\.0\.url: must be an http: or https: address/);
    expect(problem({ sources: [{ ...source, url: 'ftp://example.org/file' }] })).toMatch(/^sources\.0\.url: must be an http: or https: address/);
  });

  it('take a licence where one requires credit', () => {
    expect(problem({ sources: [{ name: 'Wikipedia, “Saraqib”', kind: 'reference', licence: 'CC BY-SA 4.0' }] })).toBeUndefined();
  });
});

describe("editor's notes", () => {
  it('are optional, and take one of the known kinds with a text', () => {
    expect(sectionSchema.parse(base).notes.length).toBeGreaterThan(0);
    expect(sectionSchema.parse({ ...base, notes: undefined }).notes).toEqual([]);
    expect(problem({ notes: [{ kind: 'rumour', text: 'A note long enough to be read.' }] })).toMatch(/^notes\.0\.kind: /);
    expect(problem({ notes: [{ kind: 'uncertain', text: 'Short.' }] })).toMatch(/^notes\.0\.text: /);
  });
});

describe('claims', () => {
  const claim = { claim: 'the army holds the whole road', attributedTo: 'a war monitor', statedAs: ['whole road'], creditedAs: ['monitor'] };

  it('take the claim, its source, and the patterns that state and credit it', () => {
    expect(problem({ claims: [claim] })).toBeUndefined();
    expect(problem({ claims: [{ ...claim, creditedAs: [] }] })).toMatch(/^claims\.0\.creditedAs: /);
    expect(problem({ claims: [{ ...claim, attributedTo: undefined }] })).toMatch(/^claims\.0\.attributedTo: /);
  });

  it('refuse a pattern that is not a regular expression, naming it', () => {
    expect(problem({ claims: [{ ...claim, statedAs: ['whole (road'] }] })).toMatch(/^claims\.0\.statedAs\.0: not a valid regular expression: /);
  });
});
