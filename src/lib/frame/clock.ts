/**
 * The story's one clock. Time is a number of days since 1970-01-01 (UTC), so day D runs from
 * `dayStart(D)` to `dayStart(D) + 1`. Sources date things to the day, not the hour: a thing dated
 * D happens at noon of D (`happens`), and the timeline turns to D at that same moment
 * (`dayShown`), so the map shows whatever the timeline's day brought, and nothing later.
 * Everything dated on the map (how far an arrow has reached, which front and held ground, which
 * posts and whether cut off, which events) is derived from this clock, and nothing else.
 */

const DAY_MS = 86_400_000;

/** Midnight at the start of an ISO day. */
export const dayStart = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** When a thing dated to a day happens: noon of that day. */
export const happens = (iso: string) => dayStart(iso) + 0.5;

/** The ISO day a moment falls on. */
export const isoDay = (time: number) => new Date(Math.floor(time + 1e-9) * DAY_MS).toISOString().slice(0, 10);

/** A section's days: one day, or from the start of `start` to the end of `end`. */
export type DateSpan = string | { start: string; end: string };

export const spanStart = (span: DateSpan) => (typeof span === 'string' ? span : span.start);
export const spanEnd = (span: DateSpan) => (typeof span === 'string' ? span : span.end);

/**
 * The moment `t` (0..1) of the way through a section's days: from noon of its first day, so the
 * day the timeline shows from the first moment already has what that day brought (a section
 * opening on 4 February shows Nairab taken that day), to the end of its last, so the end state
 * has everything its last day brought.
 */
export function timeAt(span: DateSpan, t: number): number {
  const start = happens(spanStart(span));
  const end = dayStart(spanEnd(span)) + 1;
  return start + (end - start) * Math.min(1, Math.max(0, t));
}

/**
 * The day the timeline shows at a moment of a section: from noon of D, when what D brought
 * shows, to noon of the next day. A timeline that turned at midnight would read D for half a day
 * before D's news was on the map. A section, whose moments run from noon of its first day to the
 * end of its last (`timeAt`), shows its first day at its start and its last at its end.
 */
export const dayShown = (time: number) => isoDay(time - 0.5);

/** [time, fraction] knots of a dated movement, time increasing; the fraction reached at `time`. */
export function reachAt(schedule: readonly (readonly [number, number])[], time: number): number {
  const first = schedule[0];
  if (!first || time <= first[0]) return 0;
  for (let i = 1; i < schedule.length; i++) {
    const [t1, f1] = schedule[i]!;
    // Strictly before: at the moment of a jump (two knots at one time) the arrow has jumped,
    // as the front that lets it jump is already shown from that moment.
    if (time < t1) {
      const [t0, f0] = schedule[i - 1]!;
      return t1 > t0 ? f0 + ((f1 - f0) * (time - t0)) / (t1 - t0) : f1;
    }
  }
  return schedule[schedule.length - 1]![1];
}
