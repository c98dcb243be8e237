/** The story's own words about itself: title, standfirst and credits, used on every page. */
export const STORY = {
  kicker: 'Syria · 11 February 2020',
  title: 'The fight for the M-5',
  description:
    "A war monitor said Syria's army held the whole Aleppo–Damascus highway for the first time since 2012, and Turkey said rebels it backs struck back. In ten weeks, the UN said, almost 700,000 people had fled toward the sealed Turkish border.",
  authors: 'Suleiman Al-Khalidi and Orhan Coskun',
  byline: 'Based on reporting by Suleiman Al-Khalidi and Orhan Coskun for Reuters, 11 February 2020.',
} as const;
