/** The window the story's timeline spans: from the UN's count of the displaced to the day after the seed. */
export const STORY_START = '2019-12-01';
export const STORY_END = '2020-02-12';

/**
 * Milestones marked on the timeline; each is in the story and its sources, and says whose word it
 * is where a section attributes it (its `claims`).
 */
export const MILESTONES = [
  { date: '2019-12-19', label: 'Ground offensive begins' },
  { date: '2020-01-28', label: 'Troops enter Maarat al-Numan' },
  { date: '2020-02-05', label: 'Troops enter Saraqeb, a monitor says' },
  { date: '2020-02-11', label: 'Whole M-5 in government hands, a monitor says' },
] as const;

const FORMATS = {
  day: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
  short: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
};

/** "5 Feb 2020"; "5 Feb" (`short`); "Feb 2020" (`month`). */
export function formatDay(iso: string, unit: keyof typeof FORMATS = 'day'): string {
  return FORMATS[unit].format(new Date(`${iso}T00:00:00Z`));
}
