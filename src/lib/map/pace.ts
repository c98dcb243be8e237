import type { Renderer } from './renderer.ts';

/** What pacing needs of the map: its frames, and whether it is flying. */
export interface PaceTarget {
  on(event: 'render', listener: () => void): unknown;
  isMoving(): boolean;
}

/** The page's clocks: now, and when the animation frame being drawn began. */
export interface PaceClock {
  now(): number;
  frameStart(): number;
  later(run: () => void, ms: number): unknown;
}

const browserClock: PaceClock = {
  now: () => performance.now(),
  // Inside a requestAnimationFrame callback (where MapLibre draws and fires `render`), the
  // document timeline's time is that frame's start.
  frameStart: () => Number(document.timeline.currentTime ?? performance.now()),
  later: (run, ms) => setTimeout(run, ms),
};

/** A frame is never held back longer than this, however slow the map draws. */
export const MAX_REST_MS = 400;

/**
 * Paces a renderer on devices where drawing the map is slow (software WebGL, an old phone):
 * after the map has drawn a frame, the next frame waits until the page has had as long again to
 * itself (scrolling, text, input), so the map takes at most about half the main thread however
 * fast the reader scrolls. Frames that arrive meanwhile replace each other: the latest is always
 * drawn in the end. Where the map draws a frame in a few milliseconds nothing waits more than
 * that; during a camera flight, which draws every animation frame anyway, frames go straight
 * through.
 */
export function paceRenderer(renderer: Renderer, map: PaceTarget, clock: PaceClock = browserClock): Renderer {
  let restUntil = 0;
  let pending: Parameters<Renderer['apply']> | undefined;
  let waiting = false;

  map.on('render', () => {
    const end = clock.now();
    restUntil = end + Math.min(MAX_REST_MS, Math.max(0, end - clock.frameStart()));
  });

  function flush() {
    if (waiting || !pending) return;
    const rest = restUntil - clock.now();
    if (rest > 0 && !map.isMoving()) {
      waiting = true;
      clock.later(() => {
        waiting = false;
        flush();
      }, rest);
      return;
    }
    const [frame, how] = pending;
    pending = undefined;
    renderer.apply(frame, how);
  }

  return {
    apply(frame, how) {
      pending = [frame, how];
      flush();
    },
    resize: () => renderer.resize(),
  };
}
