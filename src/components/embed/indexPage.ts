import { type Theme } from '../../lib/cartography/theme.ts';
import { DEFAULT_HEIGHT, LOADER_PATH, embedCode, embedPath, siteRoot, stillCode, underRoot } from '../../lib/embed/code.ts';
import { stillPath, stillPngPath, videoPath, VIDEO_FORMATS, type VideoFormat } from '../../lib/embed/files.ts';
import { embedQuery, type Start, type View } from '../../lib/embed/options.ts';
import { STILL_MAP } from '../../lib/cartography/pictures.ts';

// The journalists' picker: choosing a section and its options updates one preview, the embed
// code (with the absolute addresses of wherever this copy of the site is hosted), the address
// to paste into a CMS and the downloads. The filter narrows the index as one types.
const root = siteRoot(document.documentElement.dataset.root, location.href);
const url = (path: string) => underRoot(path, root);
const picker = document.querySelector<HTMLElement>('.picker')!;
const items = [...document.querySelectorAll<HTMLLIElement>('.picker-item')];
const form = document.querySelector<HTMLFormElement>('form.options')!;
const area = document.getElementById('embed-code') as HTMLTextAreaElement;
const frame = document.getElementById('preview-frame') as HTMLIFrameElement;
const byId = (id: string) => document.getElementById(id)!;
/** What the page says of the videos where the export has not made them. */
const noVideos = byId('dl-videos').textContent ?? '';

/** What the export wrote (`downloads/index.json`): the videos, if `npm run export` has run on this copy. */
let videos: Record<string, Partial<Record<VideoFormat, string>>> = {};

function chosen<T extends string>(name: string): T {
  return (form.elements.namedItem(name) as RadioNodeList).value as T;
}

function show(item: HTMLLIElement) {
  const slug = item.dataset.slug!;
  const view = chosen<View>('view');
  const options = { theme: chosen<Theme>('theme'), view, at: chosen<Start>('at') };
  // Light is every embed's default: an address asks for a theme only when it is not light.
  const query = embedQuery({ ...options, theme: options.theme === 'light' ? undefined : options.theme });
  const heights = JSON.parse(item.dataset.heights ?? '{}') as Partial<Record<View, number>>;
  const title = item.dataset.frameTitle ?? '';
  area.value =
    view === 'still'
      ? stillCode({ image: url(stillPngPath(slug)), link: url(`/#${slug}`), title: item.dataset.title ?? '', alt: item.dataset.alt ?? '', width: STILL_MAP.width, height: Number(item.dataset.stillHeight) })
      : embedCode({ src: url(embedPath(slug)) + query, loader: url(LOADER_PATH), title, height: heights[view] ?? DEFAULT_HEIGHT });
  byId('option-note').textContent =
    view === 'still'
      ? 'The still picture is a plain image with a caption and a link to the story: no iframe and no script, for newsletters, Apple News or AMP (use its address in an amp-img). It is light; its dark version is among the downloads.'
      : options.theme === 'auto'
        ? 'Match the page: dark when the page around the frame is dark (its CSS color-scheme), or, without the loader, when the reader’s system is.'
        : '';
  byId('preview-title').textContent = item.dataset.title ?? '';
  byId('preview-dates').textContent = item.dataset.dates ?? '';
  byId('open-alone').setAttribute('href', url(embedPath(slug)) + query);
  byId('in-story').setAttribute('href', url(`/#${slug}`));
  byId('paste-url').textContent = url(embedPath(slug));
  byId('dl-svg').setAttribute('href', url(stillPath(slug, 'keyed')));
  byId('dl-svg-dark').setAttribute('href', url(stillPath(slug, 'keyed', 'dark')));
  byId('dl-png').setAttribute('href', url(stillPngPath(slug)));
  byId('dl-card').setAttribute('href', url(`/share/${slug}.png`));
  byId('dl-card-dark').setAttribute('href', url(`/share/${slug}-dark.png`));
  const made = (Object.keys(VIDEO_FORMATS) as VideoFormat[]).filter((format) => videos[slug]?.[format]);
  const list = byId('dl-videos');
  if (made.length) {
    list.replaceChildren(
      'Social videos: ',
      ...made.flatMap((format, i) => {
        const a = Object.assign(document.createElement('a'), { href: url(videoPath(slug, format)), textContent: `${format} ${VIDEO_FORMATS[format].width} × ${VIDEO_FORMATS[format].height} (MP4)` });
        a.setAttribute('download', '');
        return i ? [', ', a] : [a];
      }),
    );
  } else list.textContent = noVideos;
  const src = embedPath(slug).slice(1) + (view === 'still' ? embedQuery({ ...options, view: 'still', at: 'start' }) : query);
  const target = new URL(src, root).href;
  if (frame.src !== target) {
    frame.title = title;
    frame.height = String(heights[view] ?? DEFAULT_HEIGHT);
    frame.src = target;
  }
  picker.querySelector('.picker-preview')!.setAttribute('data-slug', slug);
  for (const other of items) other.querySelector('.pick')!.setAttribute('aria-current', String(other === item));
}

const current = () => items.find((item) => item.dataset.slug === location.hash.slice(1)) ?? items[0]!;

for (const item of items) {
  item.querySelector('.pick')!.addEventListener('click', (event) => {
    event.preventDefault();
    history.replaceState(null, '', `#${item.dataset.slug}`);
    show(item);
  });
}
form.addEventListener('change', () => show(current()));
form.hidden = false;

const filter = document.getElementById('picker-filter') as HTMLInputElement;
const noMatch = document.querySelector<HTMLElement>('.no-match')!;
filter.hidden = false;
filter.addEventListener('input', () => {
  const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const item of items) {
    const match = words.every((word) => item.dataset.search?.includes(word));
    item.hidden = !match;
    if (match) shown++;
  }
  noMatch.textContent = shown ? '' : 'No section matches.';
});

document.getElementById('static-note')?.remove();
show(current());

// The videos are in this copy of the site only if `npm run export` has run on it.
fetch(url(picker.dataset.manifest!))
  .then((response) => (response.ok ? response.json() : {}))
  .then((manifest: { videos?: typeof videos }) => {
    videos = manifest.videos ?? {};
    show(current());
  })
  .catch(() => {});

async function copy(status: HTMLElement) {
  try {
    await navigator.clipboard.writeText(area.value);
    status.textContent = 'Copied.';
  } catch {
    // No clipboard access (an insecure origin, a refused permission): select it for the reader.
    area.focus();
    area.select();
    status.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
  }
}
const button = document.querySelector<HTMLButtonElement>('button.copy')!;
const status = document.querySelector<HTMLElement>('.copy-status')!;
button.hidden = false;
button.addEventListener('click', () => void copy(status));
