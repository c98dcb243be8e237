import { describe, expect, it } from 'vitest';
import type { Frame } from '../frame/frame.ts';
import { MAX_REST_MS, paceRenderer } from './pace.ts';
import type { Renderer } from './renderer.ts';

/** A paced stand-in renderer on a stand-in map, with a clock the test moves by hand. */
function setup() {
  let now = 1000;
  let frameStart = 0;
  let moving = false;
  let timers: { at: number; run: () => void }[] = [];
  const listeners: (() => void)[] = [];
  const applied: string[] = [];
  const renderer: Renderer = { apply: (frame) => void applied.push(frame.date), resize: () => {} };
  const paced = paceRenderer(
    renderer,
    { on: (_, listener) => listeners.push(listener), isMoving: () => moving },
    {
      now: () => now,
      frameStart: () => frameStart,
      later: (run, ms) => timers.push({ at: now + ms, run }),
    },
  );
  return {
    applied,
    apply: (date: string) => paced.apply({ date } as Frame, { instant: false }),
    /** The map draws a frame that took `ms`, ending now. */
    draw(ms: number) {
      frameStart = now - ms;
      for (const listener of listeners) listener();
    },
    /** Time passes; timers that fall due run. */
    wait(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.run();
    },
    fly: (on: boolean) => (moving = on),
  };
}

describe('paced rendering', () => {
  it('applies at once while the map has drawn nothing slow', () => {
    const s = setup();
    s.apply('a');
    s.apply('b');
    expect(s.applied).toEqual(['a', 'b']);
    s.draw(4);
    s.wait(5);
    s.apply('c');
    expect(s.applied).toEqual(['a', 'b', 'c']);
  });

  it('after a slow frame, rests as long as it took, then draws only the latest frame', () => {
    const s = setup();
    s.apply('a');
    s.draw(200);
    s.apply('b');
    s.apply('c');
    s.wait(150);
    expect(s.applied).toEqual(['a']);
    s.apply('d');
    s.wait(50);
    expect(s.applied).toEqual(['a', 'd']);
  });

  it('never rests longer than MAX_REST_MS', () => {
    const s = setup();
    s.draw(5000);
    s.apply('a');
    s.wait(MAX_REST_MS);
    expect(s.applied).toEqual(['a']);
  });

  it('lets frames straight through during a camera flight, which draws every frame anyway', () => {
    const s = setup();
    s.draw(200);
    s.fly(true);
    s.apply('a');
    expect(s.applied).toEqual(['a']);
  });
});
