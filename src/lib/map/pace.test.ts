import { describe, expect, it } from 'vitest';
import type { Frame } from '../frame/frame.ts';
import { DROPPED_FRAME_MS, MAX_REST_MS, paceRenderer } from './pace.ts';
import type { Renderer } from './renderer.ts';

/** A paced stand-in renderer on a stand-in map, with a clock the test moves by hand. */
function setup() {
  let now = 1000;
  let frameStart = 0;
  let moving = false;
  let timers: { at: number; run: () => void }[] = [];
  let frames: ((start: number) => void)[] = [];
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
      nextFrame: (run) => frames.push(run),
    },
  );
  return {
    applied,
    held: () => paced.held,
    apply: (date: string) => paced.apply({ date } as Frame, { instant: false }),
    /** The map draws a frame that took `ms`, ending now. */
    draw(ms: number) {
      frameStart = now - ms;
      for (const listener of listeners) listener();
    },
    /**
     * The next animation frame starts now (after the compositor's part of the last one, which
     * the map's `render` did not see).
     */
    nextFrame() {
      const due = frames;
      frames = [];
      for (const run of due) run(now);
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

  it('never rests longer than MAX_REST_MS after a very slow frame, for a frame waiting or one that comes later', () => {
    const waiting = setup();
    waiting.draw(5000);
    waiting.apply('a');
    waiting.wait(MAX_REST_MS);
    expect(waiting.applied).toEqual(['a']);
    const later = setup();
    later.draw(5000);
    later.wait(MAX_REST_MS);
    later.apply('a');
    expect(later.applied).toEqual(['a']);
  });

  it('lets frames straight through during a camera flight, which draws every frame anyway', () => {
    const s = setup();
    s.draw(200);
    s.fly(true);
    s.apply('a');
    expect(s.applied).toEqual(['a']);
  });

  it('rests as long as the whole frame took when the next animation frame came late, though the map drew quickly, and a quick draw at once after does not cut that short', () => {
    const s = setup();
    s.draw(5);
    s.wait(75); // the browser's own part of the frame: a readback and compositing in software
    s.nextFrame();
    s.draw(5); // MapLibre draws again in the frame that measured the last one (tiles arriving)
    s.apply('a');
    s.wait(79);
    expect(s.applied).toEqual([]);
    s.wait(1);
    expect(s.applied).toEqual(['a']);
  });

  it('keeps every frame where frames follow each other at the pace of the display', () => {
    const s = setup();
    s.draw(5);
    s.wait(DROPPED_FRAME_MS - 5);
    s.nextFrame();
    s.apply('a');
    expect(s.applied).toEqual(['a']);
  });

  it('holds a frame no longer than MAX_REST_MS, however often the map draws and the reader scrolls meanwhile, and says it holds one', () => {
    const s = setup();
    s.draw(200);
    s.apply('a');
    expect(s.held()).toBe(true);
    // Tiles keep arriving, each a slow frame that would push the rest further, and new frames
    // keep replacing the one held.
    for (let t = 0; t < MAX_REST_MS - 50; t += 50) {
      s.wait(50);
      s.draw(200);
      s.apply(`b${t}`);
    }
    expect(s.applied).toEqual([]);
    s.wait(50);
    expect(s.applied).toEqual([`b${MAX_REST_MS - 100}`]);
    expect(s.held()).toBe(false);
  });

  it('takes a long gap before the next animation frame (a hidden tab) for a pause, not a cost', () => {
    const s = setup();
    s.draw(5);
    s.wait(60_000);
    s.nextFrame();
    s.apply('a');
    expect(s.applied).toEqual(['a']);
  });
});
