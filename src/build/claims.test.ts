import { describe, expect, it } from 'vitest';
import { readSections } from '../../tests/support/sections.ts';
import { creditsClaim, describeUncredited, paragraphs, statesClaim, uncreditedClaims } from './claims.ts';
import type { Claim } from './sectionSchema.ts';

// Every claim a section attributes is stated in its text or its editor's notes, and every
// paragraph or note that states it also says whose claim it is.

const steps = readSections();
const textsOf = (step: (typeof steps)[number]) => [...paragraphs(step.body), ...step.data.notes.map((note) => note.text)];

const monitor: Claim = {
  claim: 'government forces hold the whole M-5',
  attributedTo: 'a war monitor',
  statedAs: ['whole (highway|road|M-5)'],
  creditedAs: ['monitor'],
};

describe('a claim and its credit', () => {
  it('are found by their patterns, whatever the case', () => {
    expect(statesClaim(monitor, 'The army holds the WHOLE ROAD.')).toBe(true);
    expect(creditsClaim(monitor, 'A war Monitor says so.')).toBe(true);
    expect(statesClaim(monitor, 'The army holds part of the road.')).toBe(false);
  });

  it('fail together when a text states the claim and names nobody', () => {
    const found = uncreditedClaims(['The army took the whole road.', 'A monitor said the army held the whole road.', 'Rain fell.'], [monitor]);
    expect(found.map(describeUncredited)).toEqual([
      '“The army took the whole road.” states “government forces hold the whole M-5” without crediting a war monitor',
    ]);
  });

  it('splits a body into paragraphs, so a credit in another paragraph does not count', () => {
    const body = 'A monitor spoke.\n\nThe army took the whole\nroad.\n';
    expect(paragraphs(body)).toEqual(['A monitor spoke.', 'The army took the whole road.']);
    expect(uncreditedClaims(paragraphs(body), [monitor])).toHaveLength(1);
  });
});

describe('the claims each section attributes', () => {
  it('are listed, so this check cannot pass on an empty list', () => {
    expect(steps.flatMap((s) => s.data.claims).length).toBeGreaterThan(10);
  });

  it.each(steps)('$file: each is stated in the section', ({ file, data, ...step }) => {
    const texts = textsOf({ file, data, ...step });
    for (const claim of data.claims)
      expect(
        texts.some((t) => statesClaim(claim, t)),
        `${file}: “${claim.claim}” is listed but not stated`,
      ).toBe(true);
  });

  it.each(steps)('$file: wherever one is stated, its source is named', (step) => {
    expect(uncreditedClaims(textsOf(step), step.data.claims).map(describeUncredited)).toEqual([]);
  });

  it('catch the old text that told a contested account as fact', () => {
    const nairab = steps.find((s) => s.slug === 'nairab')!;
    const old = 'The rebels also shot down a Syrian military helicopter and advanced toward Nairab, just west of Saraqeb.';
    expect(uncreditedClaims([old], nairab.data.claims)).not.toEqual([]);
  });
});
