import type { Renderer } from './renderer.ts';

/** A renderer that may hold a frame back for a moment (`held`) before it draws it. */
export type PacedRenderer = Renderer & { readonly held: boolean };

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
  /** Runs `run` at the start of the next animation frame, with that frame's start time. */
  nextFrame(run: (start: number) => void): unknown;
}

const browserClock: PaceClock = {
  now: () => performance.now(),
  // Inside a requestAnimationFrame callback (where MapLibre draws and fires `render`), the
  // document timeline's time is that frame's start.
  frameStart: () => Number(document.timeline.currentTime ?? performance.now()),
  later: (run, ms) => setTimeout(run, ms),
  nextFrame: (run) => requestAnimationFrame(run),
};

/**
 * A frame is never held back longer than this (counted from the first of the frames that
 * replaced each other while waiting), however slow the map draws or however often.
 */
export const MAX_REST_MS = 400;
/**
 * When the next animation frame starts more than this after a map frame began, a frame was
 * dropped (at 60 Hz): only then does the whole span, readback and compositing included, count as
 * the map's cost. Whatever else held the page up in that span (a garbage collection, a
 * repaint) is counted too, which errs toward resting. A device whose frames keep the display's
 * pace keeps every frame.
 */
export const DROPPED_FRAME_MS = 34;
/**
 * A longer span before the next animation frame is a pause (a hidden tab, a device asleep),
 * not a cost: it is not a reason to hold the next frame back.
 */
const PAUSE_MS = 1000;

/**
 * Paces a renderer on devices where drawing the map is slow (software WebGL, an old phone):
 * after the map has drawn a frame, the next frame waits until the page has had as long again to
 * itself (scrolling, text, input), so the map takes at most about half the main thread however
 * fast the reader scrolls. Frames that arrive meanwhile replace each other: the latest is always
 * drawn in the end. Where whole frames keep the display's pace, nothing waits more than the few
 * milliseconds MapLibre took; during a camera flight, which draws every animation frame anyway,
 * frames go straight through.
 *
 * A frame's cost is measured twice. MapLibre's `render` event gives its script's part. The
 * start of the next animation frame gives the whole, which is larger wherever the browser
 * composites in software: there it reads every WebGL frame back from the GPU before it can go
 * on, a wait in the page's main thread that MapLibre's part does not see (bench/README.md,
 * "Where the scroll's time goes").
 */
export function paceRenderer(renderer: Renderer, map: PaceTarget, clock: PaceClock = browserClock): PacedRenderer {
  let restUntil = 0;
  let pending: Parameters<Renderer['apply']> | undefined;
  /** When the frame now pending first had to wait: frames MapLibre draws meanwhile (tiles arriving) must not starve it. */
  let heldSince = 0;
  let waiting = false;

  // The longer rest wins: MapLibre often draws again in the very frame that measured a slow one
  // (tiles arriving), and that quick draw must not cut the measured rest short.
  const rest = (from: number, cost: number) => (restUntil = Math.max(restUntil, from + Math.min(MAX_REST_MS, Math.max(0, cost))));
  // Draws in one animation frame share its start, so one look at the next frame measures them all.
  let measured: number | undefined;
  map.on('render', () => {
    const start = clock.frameStart();
    const end = clock.now();
    rest(end, end - start);
    if (start === measured) return;
    measured = start;
    clock.nextFrame((next) => {
      const span = next - start;
      if (span > DROPPED_FRAME_MS && span < PAUSE_MS) rest(clock.now(), span);
    });
  });

  function flush() {
    if (waiting || !pending) return;
    const wait = Math.min(restUntil, heldSince + MAX_REST_MS) - clock.now();
    if (wait > 0 && !map.isMoving()) {
      waiting = true;
      clock.later(() => {
        waiting = false;
        flush();
      }, Math.ceil(wait));
      return;
    }
    const [frame, how] = pending;
    pending = undefined;
    renderer.apply(frame, how);
  }

  return {
    apply(frame, how) {
      if (!pending) heldSince = clock.now();
      pending = [frame, how];
      flush();
    },
    resize: () => renderer.resize(),
    get held() {
      return !!pending;
    },
  };
}
