// The baseline page: the approach of the mapbox/storytelling template, rewritten for MapLibre
// (not its code). The chapters come from `config.js` (written by build.mjs from the story's
// Markdown) and are built into the page by this script, as the template does. One map, not
// interactive; scrollama with the template's settings; on each chapter's enter a `flyTo` with
// MapLibre's default flight options to the chapter's camera, and its layers faded in or out by
// opacity. Nothing is animated by scrolling.
//
// For the benchmark only, the page reports its map as the story page does:
// `<html data-map="ready">` once the map has loaded, `"failed"` if it breaks.
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import scrollama from 'scrollama';
import 'maplibre-gl/dist/maplibre-gl.css';
import './page.css';
import { OPACITY_PROPERTIES, baselineStyle } from './mapStyle.js';

const config = /** @type {any} */ (window).config;
const here = (path) => new URL(path, document.baseURI).href;

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Header, one `.step` per chapter, footer: the template's page, built from its config. */
function buildStory() {
  const story = document.getElementById('story');
  const header = element('div', '', config.theme);
  header.id = 'header';
  header.append(element('h1', config.title), element('h2', config.subtitle), element('p', config.byline));
  const features = element('div');
  features.id = 'features';
  config.chapters.forEach((chapter, index) => {
    const container = element('div', '', `step lefty${index === 0 ? ' active' : ''}`);
    container.id = chapter.id;
    const card = element('div', '', config.theme);
    const description = element('p');
    // The builder escapes the story's text; the template's descriptions are HTML.
    description.innerHTML = chapter.description;
    card.append(element('h3', chapter.title), description);
    container.append(card);
    features.append(container);
  });
  const footer = element('div', '', config.theme);
  footer.id = 'footer';
  footer.append(element('p', config.footer));
  story.append(header, features, footer);
}

const root = document.documentElement;
function fail(error) {
  console.error('Baseline map failed:', error);
  root.dataset.map = 'failed';
}

buildStory();
const query = new URLSearchParams(location.search);
// `?triggers=y0,y1,…` (the benchmark's): the scroll positions at which the story page's sections
// reach its trigger line. Each chapter is placed to reach scrollama's (the middle of the window)
// at the same position, so both pages fly the camera at the same points of the same scroll: the
// template's short chapters would otherwise cut flights short and pass every chapter in the
// first part of the page.
const triggers = (query.get('triggers') ?? '').split(',').filter(Boolean).map(Number);
if (triggers.length) placeChapters(triggers);
function placeChapters(at) {
  const steps = [...document.querySelectorAll('.step')];
  if (steps.length !== at.length) {
    fail(new Error(`?triggers= has ${at.length} positions for ${steps.length} chapters`));
    return;
  }
  const line = innerHeight * 0.5;
  const features = document.getElementById('features');
  const shift = at[0] + line - (steps[0].getBoundingClientRect().top + scrollY);
  features.style.paddingTop = `${parseFloat(getComputedStyle(features).paddingTop) + shift}px`;
  steps.forEach((step, i) => {
    if (i + 1 < steps.length) Object.assign(step.style, { minHeight: '0', height: `${at[i + 1] - at[i]}px` });
  });
}
// `?height=N` (the benchmark's): pad the end of the page so it scrolls as far as the story page,
// N px tall, and the same wheel scroll lasts as long on both.
const height = Number(query.get('height'));
if (height > 0) document.getElementById('story').style.paddingBottom = `${Math.max(0, height - root.scrollHeight)}px`;
// `?map=WxH` (the benchmark's): the map as large as the story page's, so both draw as many pixels.
const [mapWidth, mapHeight] = (query.get('map') ?? '').split('x').map(Number);
if (mapWidth > 0 && mapHeight > 0) Object.assign(document.getElementById('map').style, { width: `${mapWidth}px`, height: `${mapHeight}px`, top: 'auto', bottom: '0' });
setWorkerUrl(here('maplibre-gl-worker.mjs'));
const chapters = new Map(config.chapters.map((chapter) => [chapter.id, chapter]));
const first = config.chapters[0];
try {
  const map = new MapLibreMap({
    container: 'map',
    style: baselineStyle({ dataUrl: (name) => here(`data/${name}.geojson`), fontUrl: here(config.font), paths: config.paths, latest: config.latest }),
    ...first.location,
    interactive: false,
  });
  const setLayerOpacity = ({ layer, opacity }) => {
    for (const property of OPACITY_PROPERTIES[map.getLayer(layer).type]) map.setPaintProperty(layer, property, opacity);
  };
  map.on('error', (event) => fail(event.error));
  map.on('load', () => {
    scrollama()
      .setup({ step: '.step', offset: 0.5, progress: true })
      .onStepEnter(({ element: step }) => {
        const chapter = chapters.get(step.id);
        step.classList.add('active');
        map[chapter.mapAnimation](chapter.location);
        chapter.onChapterEnter.forEach(setLayerOpacity);
      })
      .onStepExit(({ element: step }) => {
        step.classList.remove('active');
        chapters.get(step.id).onChapterExit.forEach(setLayerOpacity);
      });
    // A source that failed before `load` (MapLibre still fires it) leaves the map failed.
    if (root.dataset.map !== 'failed') root.dataset.map = 'ready';
  });
} catch (error) {
  fail(error);
}
