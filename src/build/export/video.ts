import { LIGHT, type Palette } from '@lib/cartography/palette.ts';
import { STILL_MAP } from '@lib/cartography/pictures.ts';
import { FONTS, textWidth } from '@lib/cartography/symbols.ts';
import { VIDEO_FORMATS, type VideoFormat } from '@lib/embed/files.ts';
import { progressAt } from '@lib/embed/play.ts';
import { scaleCamera } from '@lib/embed/view.ts';
import { endFrame, frame, type Frame, type StoryWorld } from '@lib/frame/frame.ts';
import { STORY } from '@lib/story/meta.ts';
import type { SectionMap } from '@lib/story/section.ts';
import { formatDay, STORY_END, STORY_START } from '@lib/story/timeline.ts';
import { wrap } from '@lib/svg/labels.ts';
import { esc, keyBandHeight, renderSvg, type MapData } from '@lib/svg/renderSvg.ts';
import { legendFor } from '@lib/cartography/legend.ts';

/**
 * A section's animation as a social video, drawn offline: every frame is `frame()` at an evenly
 * spaced moment of the section's one-off animation (the embed's, `progressAt`), drawn by
 * `renderSvg` with the section's title, the date moving with the timeline, the key, and the
 * credit and sources burned in. Nothing is recorded from a screen: the same frames, the same
 * pixels, every time (`encode.ts` rasterises them with resvg and encodes them).
 *
 * Time: the start state holds, the animation plays, the end state holds.
 */
export const VIDEO = { fps: 30, seconds: 8, holdStart: 1, holdEnd: 1.5 } as const;

export interface VideoTiming {
  fps: number;
  seconds: number;
  holdStart: number;
  holdEnd: number;
}

/** Play time (0 → 1, the embed's animation) for each frame of the video, evenly spaced in time. */
export function playTimes(timing: VideoTiming = VIDEO): number[] {
  const count = Math.round(timing.fps * timing.seconds);
  const playing = timing.seconds - timing.holdStart - timing.holdEnd;
  if (!(playing > 0) || count < 2) throw new Error(`video: ${timing.seconds} s leaves no time to play after its holds`);
  return Array.from({ length: count }, (_, i) => Math.min(1, Math.max(0, (i / timing.fps - timing.holdStart) / playing)));
}

/** What a video says of its section. */
export interface VideoSection {
  slug: string;
  title: string;
  map: SectionMap;
  /** The section's cited sources, by name. */
  sources: string[];
}

/**
 * Video pixels per CSS pixel, and the room for the heading and the sources, by format. The
 * vertical video draws the map and its labels twice their CSS size, to read on a phone (a 1080 px
 * video shown about 400 px wide); the square one a little smaller, so its map and key both fit.
 */
const FORMAT = {
  square: { scale: 1.5, titleSize: 20, sourceLines: 2 },
  vertical: { scale: 2, titleSize: 24, sourceLines: 5 },
} as const satisfies Record<VideoFormat, { scale: number; titleSize: number; sourceLines: number }>;
const PAD = 20;
const LINE = 14;
const CREDIT = `Based on reporting by ${STORY.authors} for Reuters. From “${STORY.title}”, an explainer.`;

/** The section's sources in at most `max` lines; those that do not fit are counted, not dropped silently. */
function sourceLines(names: string[], width: number, max: number): string[] {
  const all = ['Reuters', ...new Set(names.filter((n) => n !== 'Reuters'))];
  for (let shown = all.length; shown >= 1; shown--) {
    const rest = all.length - shown;
    const text = `Sources: ${all.slice(0, shown).join('; ')}${rest ? `; and ${rest} more, listed with the section in the story` : ''}.`;
    const lines = wrap(text, 10, width);
    if (lines.length <= max) return lines;
  }
  return wrap(`Sources: Reuters and ${all.length - 1} more, listed with the section in the story.`, 10, width);
}

interface Layout {
  /** The whole picture, in CSS pixels. */
  width: number;
  height: number;
  /** The heading: the section's title in one or two lines, then the date's baseline; the map starts at `header`. */
  title: { size: number; lines: string[] };
  dateY: number;
  header: number;
  map: { width: number; height: number };
  footer: string[];
}

function layout(section: VideoSection, format: VideoFormat, keyHeight: number): Layout {
  const { scale, titleSize, sourceLines: max } = FORMAT[format];
  const width = VIDEO_FORMATS[format].width / scale;
  const height = VIDEO_FORMATS[format].height / scale;
  const lines = wrap(section.title, titleSize, width - 2 * PAD);
  if (lines.length > 2) throw new Error(`video ${section.slug} (${format}): the title takes ${lines.length} lines, two fit`);
  const dateY = 44 + (lines.length - 1) * titleSize * 1.15 + 30;
  const header = dateY + 22;
  const footer = [...wrap(CREDIT, 10, width - 2 * PAD), ...sourceLines(section.sources, width - 2 * PAD, max)];
  const mapHeight = height - header - keyHeight - footer.length * LINE - 10;
  if (mapHeight < 150) throw new Error(`video ${section.slug} (${format}): no room for the map (${Math.round(mapHeight)} px)`);
  return { width, height, title: { size: titleSize, lines }, dateY, header, map: { width, height: mapHeight }, footer };
}

/** The section's camera for the video's map: the still map's framing (all its end state in view), scaled to the map's width. */
function videoCamera(section: VideoSection, world: StoryWorld, map: { width: number; height: number }) {
  const reference = { width: STILL_MAP.width, height: Math.round((STILL_MAP.width * map.height) / map.width) };
  return scaleCamera(endFrame(section.map, world, { viewport: reference }).camera, map.width, false);
}

/** Frames of a section at play time `t`, on the video's camera (fixed, so the map never jumps). */
export function videoFrame(section: VideoSection, world: StoryWorld, camera: Frame['camera'], t: number): Frame {
  return { ...frame(section.map, progressAt(t), world), camera };
}

/** Everything a video's frames share: its layout, camera and key band height (the largest any frame needs). */
export function videoPlan(section: VideoSection, world: StoryWorld, format: VideoFormat, palette: Palette = LIGHT, timing: VideoTiming = VIDEO) {
  const times = playTimes(timing);
  // The key grows as things are drawn; its band keeps the height of the fullest key, so nothing moves.
  const first = layout(section, format, 0);
  const camera = videoCamera(section, world, first.map);
  const keyHeight = Math.max(...[0, 1].map((t) => keyBandHeight(legendFor(videoFrame(section, world, camera, t), palette), first.width)));
  const shape = layout(section, format, keyHeight);
  return { times, layout: shape, camera: videoCamera(section, world, shape.map), palette, format };
}
export type VideoPlan = ReturnType<typeof videoPlan>;

/** The story's timeline as a bar, with the day shown. */
function timeline(date: string, x: number, y: number, width: number, colours: Palette): string {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const at = Math.min(1, Math.max(0, (day(date) - day(STORY_START)) / (day(STORY_END) - day(STORY_START))));
  return (
    `<rect x="${x}" y="${y}" width="${width}" height="3" fill="${colours.rule}"/>` +
    `<rect x="${x}" y="${y}" width="${(width * at).toFixed(1)}" height="3" fill="${colours.ink}"/>` +
    `<circle cx="${(x + width * at).toFixed(1)}" cy="${y + 1.5}" r="5" fill="${colours.accent}" stroke="${colours.paper}" stroke-width="2"/>` +
    `<text x="${x}" y="${y + 16}" font-size="9" fill="${colours.muted}">${esc(formatDay(STORY_START, 'month'))}</text>` +
    `<text x="${x + width}" y="${y + 16}" font-size="9" text-anchor="end" fill="${colours.muted}">${esc(formatDay(STORY_END, 'month'))}</text>`
  );
}

/** One frame of the video as SVG, `VIDEO_FORMATS[format]` pixels. */
export function videoFrameSvg(section: VideoSection, world: StoryWorld, data: MapData, plan: VideoPlan, t: number): string {
  const { layout: L, camera, palette: colours } = plan;
  const { width: W, height: H } = VIDEO_FORMATS[plan.format];
  const f = videoFrame(section, world, camera, t);
  const map = renderSvg(f, data, { ...L.map, title: section.title, palette: colours, legend: true, fragment: true });
  const { size, lines } = L.title;
  const titleSvg = lines.map((line, i) => `<text x="${PAD}" y="${(44 + i * size * 1.15).toFixed(1)}" font-size="${size}" font-weight="700" fill="${colours.ink}">${esc(line)}</text>`).join('');
  const dateY = L.dateY;
  const date = formatDay(f.date);
  const barX = PAD + textWidth(date, 18, true) + 16;
  const footerTop = L.height - L.footer.length * LINE;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${L.width} ${L.height}" font-family="${esc(FONTS.family)}">`,
    `<rect width="${L.width}" height="${L.height}" fill="${colours.paper}"/>`,
    `<text x="${PAD}" y="22" font-size="10" font-weight="700" letter-spacing="0.6" fill="${colours.accent}">${esc(STORY.title.toUpperCase())}</text>`,
    titleSvg,
    `<text x="${PAD}" y="${dateY.toFixed(1)}" font-size="18" font-weight="700" fill="${colours.ink}">${esc(date)}</text>`,
    timeline(f.date, barX, dateY - 10, L.width - PAD - barX, colours),
    `<svg x="0" y="${L.header}" width="${L.width}" height="${L.height - L.header}" overflow="hidden">${map}</svg>`,
    L.footer.map((line, i) => `<text x="${PAD}" y="${(footerTop + 6 + i * LINE).toFixed(1)}" font-size="10" fill="${colours.muted}">${esc(line)}</text>`).join(''),
    '</svg>\n',
  ].join('');
}
