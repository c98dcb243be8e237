import { STORY } from '../story/meta.ts';
import type { Step } from '../story/steps.ts';
import type { CardText } from './card.ts';
import { STORY_SHARE, shareImagePath, type SharePage } from './meta.ts';

/** The section whose map stands for the whole story on its share card: the M-5 in government hands. */
export const STORY_CARD_SECTION = 'the-m5-falls';

export const storyCardStep = (steps: Step[]): Step => steps.find((s) => s.slug === STORY_CARD_SECTION) ?? steps[0]!;

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
export function storySharePage(steps: Step[]): SharePage {
  const step = storyCardStep(steps);
  return {
    path: '/',
    title: STORY.title,
    description: STORY.description,
    image: shareImagePath(STORY_SHARE),
    imageAlt: `${STORY.title}: a map. ${firstSentence(step.data.alt, 300)}`,
  };
}

/** What a preview of a section's embed page shows. */
export function sectionSharePage(step: Step): SharePage {
  const opening = firstSentence(plainText(step.entry.body ?? ''), 220);
  return {
    path: `/embed/${step.slug}/`,
    title: `${step.data.title} · ${STORY.title}`,
    description: opening ? `${step.data.dates}. ${opening}` : step.data.dates,
    image: shareImagePath(step.slug),
    imageAlt: `${step.data.title}: a map. ${firstSentence(step.data.alt, 300)}`,
    section: { title: step.data.title, url: `/#${step.slug}` },
  };
}

const CREDIT = `Based on reporting by ${STORY.authors} for Reuters`;

export const storyCardText = (): CardText => ({
  kicker: STORY.kicker,
  title: STORY.title,
  subtitle: 'A war monitor said Syria’s army held the whole Aleppo–Damascus highway; Turkey said rebels it backs struck back',
  credit: CREDIT,
});

export const sectionCardText = (step: Step): CardText => ({
  kicker: STORY.title,
  title: step.data.title,
  subtitle: step.data.dates,
  credit: CREDIT,
});
