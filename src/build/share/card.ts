import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIGHT, type Palette } from '@lib/cartography/palette.ts';
import { SHARE_CARD } from '@lib/cartography/pictures.ts';
import { FONTS } from '@lib/cartography/symbols.ts';
import { zoomFor } from '@lib/embed/view.ts';
import type { Frame } from '@lib/frame/frame.ts';
import { textWidth } from '@lib/cartography/symbols.ts';
import { wrap } from '@lib/svg/labels.ts';
import { esc, renderSvg, type MapData } from '@lib/svg/renderSvg.ts';
import { woffToSfnt } from './woff.ts';

/**
 * Share cards: the 1200 × 630 pictures that link previews show (Open Graph, Twitter), made at
 * build time from the same data and the same `renderSvg` as the still maps, then rasterised
 * with resvg, offline, in the project's own font (Noto Sans, from @fontsource).
 */

export interface CardText {
  /** Small capitals above the title. */
  kicker: string;
  title: string;
  /** Under the title: the section's dates, or the story's standfirst. */
  subtitle: string;
  /** At the foot of the text panel. */
  credit: string;
}

const { width: W, height: H } = SHARE_CARD;
const PANEL = 470;
const PAD = 48;

/**
 * Lines of text from baseline `y` down (or up to baseline `bottom`); returns the markup and the
 * last line's baseline. `wrap` errs wide, so text never overflows the panel.
 */
function block(text: string, { y, bottom, size, bold = false, fill, maxLines, lineHeight = 1.18 }: { y?: number; bottom?: number; size: number; bold?: boolean; fill: string; maxLines: number; lineHeight?: number }) {
  let lines = wrap(text, size, PANEL - 2 * PAD);
  if (lines.length > maxLines) {
    lines = lines.slice(0, maxLines);
    lines[maxLines - 1] = `${lines[maxLines - 1]!.replace(/[\s,.;:–-]+\S*$/, '')}…`;
  }
  const top = y ?? bottom! - (lines.length - 1) * size * lineHeight;
  const svg = lines
    .map((line, i) => `<text x="${PAD}" y="${Math.round(top + i * size * lineHeight)}" font-size="${size}"${bold ? ' font-weight="700"' : ''} fill="${fill}">${esc(line)}</text>`)
    .join('');
  return { svg, next: top + (lines.length - 1) * size * lineHeight };
}

/**
 * The card as SVG: a text panel on the left (kicker, title, subtitle, credit) and the frame's
 * map on the right, framing what the section's still map frames. In the light palette unless
 * given another (the dark cards, `share/<name>-dark.png`).
 */
export function cardSvg(mapFrame: Frame, text: CardText, data: MapData, colours: Palette = LIGHT): string {
  const mapWidth = W - PANEL;
  const camera = { ...mapFrame.camera, zoom: zoomFor(mapFrame.camera.zoom, mapWidth) };
  const map = renderSvg({ ...mapFrame, camera }, data, { width: mapWidth, height: H, title: text.title, palette: colours, fragment: true });
  const kicker = block(text.kicker.toUpperCase(), { y: PAD + 22, size: 20, bold: true, fill: colours.accent, maxLines: 2 });
  const title = block(text.title, { y: kicker.next + 74, size: 52, bold: true, fill: colours.ink, maxLines: 4, lineHeight: 1.1 });
  const subtitle = block(text.subtitle, { y: title.next + 52, size: 24, fill: colours.muted, maxLines: 5, lineHeight: 1.3 });
  const credit = block(text.credit, { bottom: H - PAD + 4, size: 18, fill: colours.muted, maxLines: 3, lineHeight: 1.3 });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${esc(FONTS.family)}">`,
    `<title>${esc(text.title)}</title>`,
    `<rect width="${W}" height="${H}" fill="${colours.paper}"/>`,
    `<svg x="${PANEL}" y="0" width="${mapWidth}" height="${H}">${map}</svg>`,
    `<rect x="${PANEL - 1}" width="1" height="${H}" fill="${colours.border}"/>`,
    `<rect x="${PAD}" y="${PAD - 14}" width="${Math.min(PANEL - 2 * PAD, textWidth('—', 20) * 3)}" height="5" fill="${colours.accent}"/>`,
    kicker.svg,
    title.svg,
    subtitle.svg,
    credit.svg,
    '</svg>\n',
  ].join('');
}

const require = createRequire(join(process.cwd(), 'package.json'));

/** Noto Sans as TTF files resvg can load: @fontsource's WOFF, unwrapped once per process. */
let fontFiles: string[] | undefined;
function notoSans(): string[] {
  if (fontFiles) return fontFiles;
  const dir = mkdtempSync(join(tmpdir(), 'share-fonts-'));
  fontFiles = ['latin', 'latin-ext'].flatMap((subset) =>
    [400, 700].map((weight) => {
      const name = `noto-sans-${subset}-${weight}-normal`;
      const file = join(dir, `${name}.ttf`);
      writeFileSync(file, woffToSfnt(readFileSync(require.resolve(`@fontsource/noto-sans/files/${name}.woff`))));
      return file;
    }),
  );
  return fontFiles;
}

export interface RasterOptions {
  /** Pixels per SVG unit: 2 for print and high-density screens. */
  scale?: number;
  /** What shows through transparent parts: the palette's paper. */
  background?: string;
}

const resvgOptions = ({ scale = 1, background = LIGHT.paper }: RasterOptions) => ({
  font: { loadSystemFonts: false, fontFiles: notoSans(), defaultFontFamily: 'Noto Sans', sansSerifFamily: 'Noto Sans' },
  fitTo: scale === 1 ? ({ mode: 'original' } as const) : ({ mode: 'zoom', value: scale } as const),
  background,
});

/**
 * An SVG drawn into pixels by resvg, in Noto Sans only: no system font, no network. On a worker
 * thread of resvg's own, so several pictures (a video's frames) can be drawn at once.
 */
export async function render(svg: string, options: RasterOptions = {}) {
  const { renderAsync } = (await import('@resvg/resvg-js')).default;
  return renderAsync(svg, resvgOptions(options));
}

/** An SVG as PNG (see `render`). */
export async function rasterise(svg: string, options: RasterOptions = {}): Promise<Buffer> {
  return (await render(svg, options)).asPng();
}
