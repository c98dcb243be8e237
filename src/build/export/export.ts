import { LIGHT } from '@lib/cartography/palette.ts';
import { VIDEO_FORMATS, type VideoFormat } from '@lib/embed/files.ts';
import type { StoryWorld } from '@lib/frame/frame.ts';
import type { MapData } from '@lib/svg/renderSvg.ts';
import { render } from '../share/card.ts';
import type { MediaBrowser } from './encode.ts';
import { VIDEO, videoFrameSvg, videoPlan, type VideoSection, type VideoTiming } from './video.ts';

/** How many frames are drawn ahead of the encoder. */
const LOOKAHEAD = 3;

/** A section's video in one format: its frames drawn (`video.ts`), rasterised by resvg, encoded (`encode.ts`). */
export async function exportVideo(encoder: MediaBrowser, section: VideoSection, world: StoryWorld, data: MapData, format: VideoFormat, timing: VideoTiming = VIDEO): Promise<Buffer> {
  const plan = videoPlan(section, world, format, LIGHT, timing);
  const svgs = plan.times.map((t) => videoFrameSvg(section, world, data, plan, t));
  const { width, height } = VIDEO_FORMATS[format];
  // Frames are drawn a few ahead, on resvg's threads, while the browser encodes; the holds
  // repeat one picture, drawn once.
  const drawn = new Map<string, Promise<Uint8Array>>();
  const draw = (i: number) => {
    const svg = svgs[i];
    if (svg !== undefined && !drawn.has(svg)) drawn.set(svg, render(svg, { background: LIGHT.paper }).then((image) => image.pixels));
  };
  return encoder.encode({
    width,
    height,
    fps: timing.fps,
    frames: svgs.length,
    async pixels(i) {
      for (let ahead = 0; ahead <= LOOKAHEAD; ahead++) draw(i + ahead);
      const pixels = await drawn.get(svgs[i]!)!;
      // Done with every picture before this one.
      for (const svg of drawn.keys()) if (svg !== svgs[i] && !svgs.slice(i, i + LOOKAHEAD + 1).includes(svg)) drawn.delete(svg);
      return pixels;
    },
  });
}

export interface VideoInfo {
  codec: string | null;
  width: number;
  height: number;
  frames: number;
  seconds: number;
}

/** What an MP4's own header says of its video track: codec, size, frame count and duration. */
export async function videoInfo(mp4: Uint8Array): Promise<VideoInfo> {
  const { Input, BufferSource, ALL_FORMATS } = await import('mediabunny');
  const input = new Input({ source: new BufferSource(mp4), formats: ALL_FORMATS });
  const track = await input.getPrimaryVideoTrack();
  if (!track) throw new Error('no video track');
  const stats = await track.computePacketStats();
  return { codec: await track.getCodec(), width: await track.getCodedWidth(), height: await track.getCodedHeight(), frames: stats.packetCount, seconds: await track.computeDuration() };
}
