import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIGHT } from '@lib/cartography/palette.ts';
import { endFrame } from '@lib/frame/frame.ts';
import { mapData } from '../mapData.ts';
import { storyWorld } from '../payload.ts';
import { readSections } from '../readSections.ts';
import { render } from '../share/card.ts';
import { MediaBrowser } from './encode.ts';
import { exportVideo, videoInfo } from './export.ts';
import { playTimes, VIDEO, videoFrame, videoFrameSvg, videoPlan } from './video.ts';

// A short, coarse video of one section, encoded for real and decoded back: what its header says,
// and whether its first and last frames show the section's start and end states.
const TIMING = { fps: 2, seconds: 6, holdStart: 1, holdEnd: 1 };
const world = storyWorld();
const data = mapData();
const s = readSections()[0]!;
const section = { slug: s.slug, title: s.data.title, map: s.data.map, sources: s.data.sources.map((x) => x.name) };

/** How unlike two RGBA pictures are: the share of pixels where some channel differs by more than 48 of 255. */
function unlike(a: Uint8Array, b: Uint8Array): number {
  expect(a.length).toBe(b.length);
  let differing = 0;
  for (let i = 0; i < a.length; i += 4) {
    if (Math.abs(a[i]! - b[i]!) > 48 || Math.abs(a[i + 1]! - b[i + 1]!) > 48 || Math.abs(a[i + 2]! - b[i + 2]!) > 48) differing++;
  }
  return differing / (a.length / 4);
}

describe('the video timeline', () => {
  it('spaces frames evenly: the start state holds, the animation plays, the end state holds', () => {
    const times = playTimes(VIDEO);
    expect(times).toHaveLength(VIDEO.fps * VIDEO.seconds);
    expect(VIDEO.seconds).toBeGreaterThanOrEqual(6);
    expect(VIDEO.seconds).toBeLessThanOrEqual(10);
    expect(times.slice(0, VIDEO.fps * VIDEO.holdStart).every((t) => t === 0)).toBe(true);
    expect(times.slice(-VIDEO.fps * VIDEO.holdEnd + 1).every((t) => t === 1)).toBe(true);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(() => playTimes({ fps: 30, seconds: 2, holdStart: 1, holdEnd: 1 })).toThrow(/no time to play/);
  });

  it('ends on the section’s end state, the still map’s', () => {
    const plan = videoPlan(section, world, 'square', LIGHT, TIMING);
    expect(videoFrame(section, world, plan.camera, 1)).toEqual({ ...endFrame(section.map, world), camera: plan.camera });
    expect(videoFrame(section, world, plan.camera, 0)).not.toEqual(videoFrame(section, world, plan.camera, 1));
  });
});

describe('a section’s video, encoded and decoded back', () => {
  let encoder: MediaBrowser;
  beforeAll(async () => {
    encoder = await MediaBrowser.open();
  }, 60_000);
  afterAll(async () => {
    await encoder?.close();
  });

  it('is H.264 at 1080 × 1080, one frame per step, and shows the start state first and the end state last', async () => {
    const mp4 = await exportVideo(encoder, section, world, data, 'square', TIMING);
    const info = await videoInfo(mp4);
    expect(info).toMatchObject({ codec: 'avc', width: 1080, height: 1080, frames: TIMING.fps * TIMING.seconds });
    expect(info.seconds).toBeCloseTo(TIMING.seconds, 1);

    const count = TIMING.fps * TIMING.seconds;
    const decoded = await encoder.decode(mp4, [0, (count - 1) / TIMING.fps]);
    expect([decoded.width, decoded.height]).toEqual([1080, 1080]);
    const plan = videoPlan(section, world, 'square', LIGHT, TIMING);
    const drawn = async (t: number) => (await render(videoFrameSvg(section, world, data, plan, t), { background: LIGHT.paper })).pixels;
    const [start, end] = [await drawn(0), await drawn(1)];
    const [first, last] = decoded.frames.map((f) => new Uint8Array(f));
    const scores = { firstVsStart: unlike(first!, start), lastVsEnd: unlike(last!, end), firstVsEnd: unlike(first!, end), startVsEnd: unlike(start, end) };
    console.log(`${section.slug} video, share of pixels unlike: ${JSON.stringify(scores)}`);
    // The section's start and end differ; each end of the video is its own state, give or take compression.
    expect(scores.startVsEnd, JSON.stringify(scores)).toBeGreaterThan(0.005);
    expect(scores.firstVsStart, JSON.stringify(scores)).toBeLessThan(scores.startVsEnd / 5);
    expect(scores.lastVsEnd, JSON.stringify(scores)).toBeLessThan(scores.startVsEnd / 5);
    expect(scores.firstVsEnd, JSON.stringify(scores)).toBeGreaterThan(scores.startVsEnd / 2);
  }, 240_000);
});
