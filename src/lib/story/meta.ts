/** The story's own words about itself: title, standfirst and credits, used on every page. */
export const STORY = {
  kicker: 'Syria · 11 February 2020',
  title: 'The fight for the M-5',
  description:
    "A war monitor said Syria's army held the whole Aleppo–Damascus highway for the first time since 2012, and Turkey said rebels it backs struck back. In ten weeks almost 700,000 people, by the UN's count, had fled toward the sealed Turkish border.",
  authors: 'Suleiman Al-Khalidi and Orhan Coskun',
  byline: 'Based on reporting by Suleiman Al-Khalidi and Orhan Coskun for Reuters, 11 February 2020.',
  /** Who made this explainer: its maps, text and code. */
  credit: 'Maps, graphics and text by the newsroom graphics team',
  /** When this version of the explainer was published (not when the events happened). */
  published: '2026-11-27',
} as const;
