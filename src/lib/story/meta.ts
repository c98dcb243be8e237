/** The story's own words about itself: title, standfirst and credits, used on every page. */
export const STORY = {
  kicker: 'Syria · 11 February 2020',
  title: 'The fight for the M-5',
  description:
    "Syria's army took the whole Aleppo–Damascus highway for the first time since 2012, Turkish-backed rebels struck back near Saraqeb, and hundreds of thousands of people fled toward a sealed border.",
  authors: 'Suleiman Al-Khalidi and Orhan Coskun',
  byline: 'Based on reporting by Suleiman Al-Khalidi and Orhan Coskun for Reuters, 11 February 2020.',
} as const;
