import type { StoryWorld } from '@lib/frame/frame.ts';
import type { StoryPayload } from '@lib/story/payload.ts';
import { catalog } from './data/catalog.ts';
import { measurePaths } from './data/measurePaths.ts';
import { locatorOutlines } from './locator.ts';
import type { Section } from './sections.ts';

/**
 * What `frame()` needs of the data: the measured paths, the places sections label, the dated
 * fronts, areas, posts and events. Built from the same catalogue as the published GeoJSON, so
 * the ids it names are the features the map draws. Only what the sections use, when given them.
 */
let whole: StoryWorld | undefined;
export function storyWorld(sections?: Section[]): StoryWorld {
  if (!sections) return (whole ??= worldOf(undefined));
  return worldOf(sections);
}

function worldOf(sections: Section[] | undefined): StoryWorld {
  const data = catalog();
  const used = sections ? new Set(sections.flatMap((s) => s.data.map.paths.map((p) => p.id))) : undefined;
  const labelled = sections ? new Set(sections.flatMap((s) => s.data.map.places)) : new Set(data.places.keys());
  const dated = [...data.areas.values()].filter((a) => a.kind === 'contested' || a.kind === 'front' || a.kind === 'strikes');
  return {
    paths: measurePaths(used),
    places: Object.fromEntries(
      [...data.places.values()].filter((p) => labelled.has(p.id)).map((p) => [p.id, { name: p.name, lon: p.lon, lat: p.lat, kind: p.kind }]),
    ),
    fronts: data.snapshots.map((s) => ({ id: s.id, date: s.date, heldId: s.heldId, ...(s.takenId ? { takenId: s.takenId } : {}) })),
    areas: dated.map((a) => ({ id: a.id, kind: a.kind, date: a.date })),
    posts: [...data.posts.values()].map((p) => ({
      id: p.id,
      lon: p.lon,
      lat: p.lat,
      ...(p.established ? { established: p.established } : {}),
      ...(p.encircled ? { encircled: p.encircled } : {}),
      ...(p.approximate ? { approximate: true as const } : {}),
    })),
    events: [...data.events.values()].map((e) => ({
      id: e.id,
      kind: e.kind,
      lon: e.lon,
      lat: e.lat,
      date: e.date,
      ...(e.approximate ? { approximate: true as const } : {}),
    })),
    baseLabels: data.labels.flatMap((l) =>
      l.anchors.map((a, i) => ({ id: `${l.id}-${i}`, zoom: a.zoom, text: l.text, kind: l.kind, lon: a.at[0], lat: a.at[1] })),
    ),
  };
}

/** `story.json`: what the live map needs, made from the same sections and data as the pages. */
export function storyPayload(sections: Section[]): StoryPayload {
  return {
    ...storyWorld(sections),
    sections: sections.map((s) => ({ slug: s.slug, map: s.data.map })),
    outlines: locatorOutlines(),
  };
}
