import { STORY } from '@lib/story/meta.ts';
import type { Section } from '../sections.ts';
import type { CardText } from './card.ts';
import { STORY_SHARE, shareImagePath, type SharePage } from './meta.ts';

/** The section whose map stands for the whole story on its share card: the M-5 in government hands. */
export const STORY_CARD_SECTION = 'the-m5-falls';

export const storyCardSection = (sections: Section[]): Section => sections.find((s) => s.slug === STORY_CARD_SECTION) ?? sections[0]!;

/** The first sentence of a text (up to `max` characters, cut at a word with an ellipsis). */
export function firstSentence(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const match = /^.+?[.!?](?=\s|$)/.exec(flat);
  const sentence = match ? match[0] : flat;
  if (sentence.length <= max) return sentence;
  return `${sentence.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/** Markdown prose as plain text: links, emphasis and quote marks gone. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*>\s?/gm, '')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a preview of the story page shows. */
export function storySharePage(sections: Section[]): SharePage {
  const section = storyCardSection(sections);
  return {
    path: '/',
    title: STORY.title,
    description: STORY.description,
    image: shareImagePath(STORY_SHARE),
    imageAlt: `${STORY.title}: a map. ${firstSentence(section.data.alt, 300)}`,
  };
}

/** What a preview of a section's embed page shows. */
export function sectionSharePage(section: Section): SharePage {
  const opening = firstSentence(plainText(section.entry.body ?? ''), 220);
  return {
    path: `/embed/${section.slug}/`,
    title: `${section.data.title} · ${STORY.title}`,
    description: opening ? `${section.data.dates}. ${opening}` : section.data.dates,
    image: shareImagePath(section.slug),
    imageAlt: `${section.data.title}: a map. ${firstSentence(section.data.alt, 300)}`,
    section: { title: section.data.title, url: `/#${section.slug}` },
  };
}

const CREDIT = `Based on reporting by ${STORY.authors} for Reuters`;

export const storyCardText = (): CardText => ({
  kicker: STORY.kicker,
  title: STORY.title,
  subtitle: 'A war monitor said Syria’s army held the whole Aleppo–Damascus highway; Turkey said rebels it backs struck back',
  credit: CREDIT,
});

export const sectionCardText = (section: Section): CardText => ({
  kicker: STORY.title,
  title: section.data.title,
  subtitle: section.data.dates,
  credit: CREDIT,
});
