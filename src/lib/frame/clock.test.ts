import { describe, expect, it } from 'vitest';
import { dayShown, dayStart, happens, isoDay, reachAt, timeAt } from './clock.ts';

describe('the clock', () => {
  it('counts days, with dated things at noon', () => {
    expect(dayStart('2020-02-11') - dayStart('2020-02-10')).toBe(1);
    expect(happens('2020-02-11') - dayStart('2020-02-11')).toBe(0.5);
    expect(isoDay(happens('2020-02-11'))).toBe('2020-02-11');
  });
  it('runs a section from noon of its first day (what that day brought already shown) to the end of its last, showing its last day at the end', () => {
    const span = { start: '2020-02-08', end: '2020-02-11' };
    expect(timeAt(span, 0)).toBe(happens('2020-02-08'));
    expect(dayShown(timeAt(span, 0))).toBe('2020-02-08');
    expect(timeAt(span, 1)).toBe(dayStart('2020-02-12'));
    expect(dayShown(timeAt(span, 1))).toBe('2020-02-11');
    expect(timeAt('2020-02-11', 0)).toBe(happens('2020-02-11'));
    expect(timeAt('2020-02-11', 1)).toBe(dayStart('2020-02-12'));
  });
  it('turns the timeline to a day at noon, when what that day brought shows, not at midnight', () => {
    expect(dayShown(dayStart('2020-02-11'))).toBe('2020-02-10');
    expect(dayShown(happens('2020-02-11') - 0.01)).toBe('2020-02-10');
    expect(dayShown(happens('2020-02-11'))).toBe('2020-02-11');
    expect(dayShown(dayStart('2020-02-12') + 0.49)).toBe('2020-02-11');
  });
  it('reaches along a schedule between its knots, holding before the first and after the last', () => {
    const schedule: [number, number][] = [
      [10, 0],
      [12, 0.5],
      [13, 0.5],
      [14, 1],
    ];
    expect(reachAt(schedule, 9)).toBe(0);
    expect(reachAt(schedule, 11)).toBe(0.25);
    expect(reachAt(schedule, 12.5)).toBe(0.5);
    expect(reachAt(schedule, 13.5)).toBe(0.75);
    expect(reachAt(schedule, 20)).toBe(1);
    expect(reachAt([], 11)).toBe(0);
    // A jump (two knots at one moment) has happened at that moment, not just after it.
    expect(reachAt(schedule, 13)).toBe(0.5);
    expect(
      reachAt(
        [
          [10, 0],
          [12, 0.2],
          [12, 0.6],
          [14, 1],
        ],
        12,
      ),
    ).toBe(0.6);
  });
});
