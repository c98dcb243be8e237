import { describe, expect, it } from 'vitest';
import { ANIMATION_WINDOW, animationTime } from '../frame/frame.ts';
import { PLAY_MS, playOnce, progressAt, type Clock } from './play.ts';
import { NARROW_STILL, STILL_MAP } from '../cartography/pictures.ts';
import { zoomFor } from './view.ts';
import { DEFAULT_HEIGHT, EMBED_ATTRIBUTE, LOADER_PATH, embedCode, embedPath, siteRoot, underRoot } from './code.ts';

function fakeClock() {
  let now = 1000;
  let queued: (() => void) | undefined;
  const clock: Clock = {
    now: () => now,
    next: (f) => ((queued = f), 1),
    cancel: () => (queued = undefined),
  };
  const advance = (ms: number) => {
    now += ms;
    const f = queued;
    queued = undefined;
    f?.();
  };
  return { clock, advance, pending: () => !!queued };
}

describe('the one-off animation', () => {
  it('maps play time onto the whole of frame()’s animation window', () => {
    expect(progressAt(0)).toBe(ANIMATION_WINDOW[0]);
    expect(progressAt(1)).toBe(ANIMATION_WINDOW[1]);
    expect(animationTime(progressAt(0))).toBe(0);
    expect(animationTime(progressAt(1))).toBe(1);
    expect(animationTime(progressAt(0.5))).toBeCloseTo(0.5, 5);
    expect(progressAt(-1)).toBe(progressAt(0));
    expect(progressAt(2)).toBe(progressAt(1));
  });

  it('starts its clock at the first frame after the start state is drawn', () => {
    const { clock, advance } = fakeClock();
    const seen: number[] = [];
    playOnce((t) => seen.push(t), 1000, clock);
    expect(seen).toEqual([0]);
    advance(1500); // a slow first frame
    expect(seen).toEqual([0]);
    advance(250);
    expect(seen).toEqual([0, 0.25]);
  });

  it('plays from 0 to exactly 1 over its duration, once, then stops', () => {
    const { clock, advance, pending } = fakeClock();
    const seen: number[] = [];
    playOnce((t) => seen.push(t), PLAY_MS, clock);
    for (let i = 0; i < 200 && pending(); i++) advance(16);
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    expect(seen.filter((t) => t === 1)).toHaveLength(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen.length).toBeGreaterThan(PLAY_MS / 16 - 2);
    expect(pending()).toBe(false);
  });

  it('can be stopped early', () => {
    const { clock, advance, pending } = fakeClock();
    const seen: number[] = [];
    const stop = playOnce((t) => seen.push(t), 1000, clock);
    advance(500); // the first frame: the clock starts
    advance(100);
    stop();
    advance(100);
    expect(pending()).toBe(false);
    expect(seen).toEqual([0, 0.1]);
  });
});

describe('embed framing', () => {
  it('frames at any width what the still frames at its own width', () => {
    expect(zoomFor(10, STILL_MAP.width)).toBe(10);
    expect(zoomFor(10, STILL_MAP.width / 2)).toBe(9);
    expect(zoomFor(9, NARROW_STILL.width, true)).toBe(9);
    expect(zoomFor(9, NARROW_STILL.width * 2, true)).toBe(10);
    expect(zoomFor(9, 0)).toBe(9);
  });
});

describe('embed code', () => {
  it('is an iframe the loader and pym can size, and the loader', () => {
    const code = embedCode({
      src: 'https://site.example/idlib/embed/saraqeb/',
      loader: 'https://site.example/idlib/embed/loader.js',
      title: 'Saraqeb, “the crossroads” & <more>',
    });
    expect(code).toBe(
      `<iframe src="https://site.example/idlib/embed/saraqeb/" title="Saraqeb, “the crossroads” &amp; &lt;more&gt;" ${EMBED_ATTRIBUTE} width="100%" height="${DEFAULT_HEIGHT}" scrolling="no" frameborder="0" loading="lazy" style="display:block;width:100%;border:0"></iframe>\n` +
        '<script src="https://site.example/idlib/embed/loader.js" async></script>',
    );
  });

  it('computes absolute addresses from wherever the page is hosted', () => {
    const root = siteRoot('../', 'https://news.example/graphics/idlib/embed/?x=1');
    expect(root.href).toBe('https://news.example/graphics/idlib/');
    expect(underRoot(embedPath('nairab'), root)).toBe('https://news.example/graphics/idlib/embed/nairab/');
    expect(underRoot(LOADER_PATH, root)).toBe('https://news.example/graphics/idlib/embed/loader.js');
    expect(siteRoot(undefined, 'http://127.0.0.1:4321/').href).toBe('http://127.0.0.1:4321/');
  });
});
