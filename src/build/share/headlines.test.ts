import { describe, expect, it } from 'vitest';
import { STORY } from '@lib/story/meta.ts';
import { MILESTONES } from '@lib/story/timeline.ts';
import { endFrame } from '@lib/frame/frame.ts';
import { readSections } from '../../../tests/support/sections.ts';
import { describeUncredited, uncreditedClaims } from '../claims.ts';
import { mapData } from '../mapData.ts';
import { storyWorld } from '../payload.ts';
import type { Section } from '../sections.ts';
import { cardSvg, type CardText } from './card.ts';
import { articleJsonLd, shareTags } from './meta.ts';
import { sectionCardText, sectionSharePage, storyCardSection, storyCardText, storySharePage } from './pages.ts';

// The headline layer (standfirst, titles, share cards and previews, structured data, timeline
// milestones) is read on its own, without the sections' careful wording around it. Wherever it
// states a claim that a section attributes (the sections' `claims`), it must say whose claim it is.

const sections = readSections();
const claims = sections.flatMap((section) => section.data.claims);

/** Every headline-layer string the site publishes, labelled by where it appears. */
function headlineStrings(sections: Section[]): { where: string; text: string }[] {
  const pages = [storySharePage(sections), ...sections.map(sectionSharePage)];
  return [
    { where: 'standfirst', text: STORY.description },
    { where: 'story title', text: STORY.title },
    { where: 'kicker', text: STORY.kicker },
    ...Object.entries(storyCardText()).map(([field, text]) => ({ where: `story share card ${field}`, text })),
    ...sections.flatMap((section) => [
      { where: `${section.slug} title`, text: section.data.title },
      ...Object.entries(sectionCardText(section)).map(([field, text]) => ({ where: `${section.slug} share card ${field}`, text })),
    ]),
    ...pages.flatMap((page) => [
      ...shareTags(page, undefined).map((tag) => ({ where: `${page.path} ${tag.key}`, text: tag.content })),
      ...(['headline', 'description'] as const).map((key) => ({ where: `${page.path} JSON-LD ${key}`, text: String(articleJsonLd(page, undefined)[key]) })),
    ]),
    ...MILESTONES.map((event) => ({ where: `milestone ${event.date}`, text: event.label })),
  ];
}

/**
 * The words a share card's picture shows, as drawn (a title too long for its lines is cut with an
 * ellipsis, and the cut could drop a credit): the panel's text follows the map's nested <svg>.
 */
const world = storyWorld();
const data = mapData();
function drawnCardText(section: Section, text: CardText): string {
  const svg = cardSvg(endFrame(section.data.map, world), text, data);
  const panel = svg.slice(svg.lastIndexOf('</svg>', svg.length - '</svg>\n'.length - 1));
  return [...panel.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"')).join(' ');
}

const failures = (strings: { where: string; text: string }[]) =>
  strings.flatMap(({ where, text }) => uncreditedClaims([text], claims).map((u) => `${where}: ${describeUncredited(u)}`));

describe('the headline layer', () => {
  const strings = headlineStrings(sections);

  it('is gathered whole: the standfirst, every section title, card, preview, JSON-LD and milestone', () => {
    expect(strings.length).toBeGreaterThan(sections.length * 10);
    expect(strings.some(({ text }) => /monitor/i.test(text))).toBe(true);
  });

  it('credits every attributed claim it states', () => {
    expect(failures(strings)).toEqual([]);
  });
});

describe('the share pictures', () => {
  const cards = [
    { where: 'story share picture', section: storyCardSection(sections), text: storyCardText() },
    ...sections.map((section) => ({ where: `${section.slug} share picture`, section, text: sectionCardText(section) })),
  ];

  it('credit every attributed claim in the words they draw', () => {
    const drawn = cards.map(({ where, section, text }) => ({ where, text: drawnCardText(section, text) }));
    expect(drawn.every(({ text }) => text.includes('Reuters'))).toBe(true);
    expect(failures(drawn)).toEqual([]);
  }, 60_000);

  it('fail when a cut title drops its credit (negative control)', () => {
    const section = sections.find((s) => s.slug === 'the-m5-falls')!;
    const long = { ...sectionCardText(section), title: 'The whole road in government hands, a monitor says' };
    expect(drawnCardText(section, long)).toContain('…');
    expect(failures([{ where: 'cut title', text: drawnCardText(section, long) }])).not.toEqual([]);
  }, 30_000);
});

describe('negative controls: a headline that states an attributed claim as fact fails', () => {
  it('a fabricated standfirst, share line or milestone', () => {
    for (const text of [
      'Syria’s army takes the whole M-5 for the first time since 2012',
      'Rebels kill 51 Syrian soldiers near Saraqeb',
      'The largest exodus of the war',
      'Rebels shoot down a Syrian helicopter over Nairab',
    ]) {
      expect(failures([{ where: 'fabricated', text }]), text).not.toEqual([]);
    }
  });

  it('the headlines this review replaced', () => {
    const replaced = [
      "Syria's army took the whole Aleppo–Damascus highway for the first time since 2012, Turkish-backed rebels struck back near Saraqeb, and hundreds of thousands of people fled toward a sealed border.",
      'How Syria’s army took the whole Aleppo–Damascus highway, and Turkish-backed rebels struck back',
      'Whole M-5 in government hands',
      'The whole road, for the first time since 2012',
      'The largest exodus of the war',
    ];
    for (const text of replaced) expect(failures([{ where: 'replaced', text }]), text).not.toEqual([]);
  });

  it('a section retitled with an unattributed claim, through every page that shows the title', () => {
    const retitled = sections.map((section) =>
      section.slug === 'the-m5-falls' ? { ...section, data: { ...section.data, title: 'The army takes the whole road' } } : section,
    );
    const found = failures(headlineStrings(retitled));
    expect(found.some((f) => f.startsWith('the-m5-falls title:'))).toBe(true);
    expect(found.some((f) => f.startsWith('/embed/the-m5-falls/ og:title:'))).toBe(true);
    expect(found.some((f) => f.startsWith('/embed/the-m5-falls/ JSON-LD headline:'))).toBe(true);
  });

  it('while the same claims, credited, pass', () => {
    expect(failures([{ where: 'credited', text: 'A war monitor says the army holds the whole M-5' }])).toEqual([]);
    expect(failures([{ where: 'credited', text: 'Turkey says rebels killed 51 Syrian soldiers' }])).toEqual([]);
  });
});
