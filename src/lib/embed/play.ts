import { ANIMATION_WINDOW } from '../frame/frame.ts';

/** How long an embed's one-off animation lasts, in ms. */
export const PLAY_MS = 2500;

/**
 * Linear play time (0..1) as the section progress `frame()` takes, spread over its animation
 * window, so the whole animation (eased by `frame`) fills the play time: 0 → the section's
 * start state, 1 → its end state.
 */
export function progressAt(t: number): number {
  const [start, end] = ANIMATION_WINDOW;
  return start + (end - start) * Math.min(1, Math.max(0, t));
}

export interface Clock {
  now(): number;
  /** requestAnimationFrame, or a stand-in. */
  next(callback: () => void): number;
  cancel(handle: number): void;
}

const browserClock = (): Clock => ({
  now: () => performance.now(),
  next: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
});

/**
 * Calls `draw(t)` with t going from 0 to 1 over `duration` ms, once per animation frame, ending
 * exactly on 1, then stops. `draw(0)` runs at once; the clock starts at the next frame, so the
 * time it takes to show the start state (a first WebGL frame can be slow) is not played away.
 * Returns a function that stops it early.
 */
export function playOnce(draw: (t: number) => void, duration = PLAY_MS, clock: Clock = browserClock()): () => void {
  let start: number | undefined;
  let handle: number | undefined;
  const tick = () => {
    const now = clock.now();
    start ??= now;
    const t = duration > 0 ? Math.min(1, (now - start) / duration) : 1;
    if (t > 0) draw(t);
    handle = t < 1 ? clock.next(tick) : undefined;
  };
  draw(0);
  handle = clock.next(tick);
  return () => {
    if (handle !== undefined) clock.cancel(handle);
    handle = undefined;
  };
}
