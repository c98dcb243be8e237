import { LAYER_IDS } from '../cartography/layers.ts';
import { ANCHORS, fitCamera, type Viewport } from '../frame/camera.ts';
import type { Frame, MarkerMark, StoryWorld } from '../frame/frame.ts';
import { mercator } from '../frame/mercator.ts';
import { slicePath } from '../frame/paths.ts';
import type { Camera, LonLat } from '../story/section.ts';

/**
 * Everything the story will ever draw, in one frame: every layer, area, place, post (cut off
 * where the story has it cut off), event, path whole with its head, and name on an area. Nobody
 * sees it: the live map draws it once, hidden, before it shows (`controller.ts`), so that MapLibre
 * makes the shader program each kind of mark needs, and the GPU compiles it, then and not
 * mid-scroll. Drawing WebGL on the CPU, each first draw of a kind of mark had stalled the scroll
 * 200–370 ms (bench/README.md, "Where the scroll's time goes").
 *
 * MapLibre draws only what is in view. The camera is `opening` (where the story opens), moved
 * and zoomed out only as far as it takes to see, on a map of `viewport`'s size, one of each kind
 * of mark: the two places nearest its centre (the nearest called out, so both kinds of label
 * draw), the nearest post and event (called out, so the markers' names draw too) and the nearest
 * name on an area. Seeing everything instead would zoom out to Ankara and load tiles the first
 * frame cannot use.
 */
export function rehearsalFrame(world: StoryWorld, opening: Camera, viewport: Viewport): Frame {
  const [cx, cy] = mercator(...opening.center);
  const distance = ({ lon, lat }: { lon: number; lat: number }) => {
    const [x, y] = mercator(lon, lat);
    return Math.hypot(x - cx, y - cy);
  };
  const byDistance = <T extends { lon: number; lat: number }>(marks: readonly T[]) => [...marks].sort((a, b) => distance(a) - distance(b));
  const placesNear = byDistance(Object.entries(world.places).map(([id, p]) => ({ ...p, id })));
  const postsNear = byDistance(world.posts);
  const eventsNear = byDistance(world.events);
  const seen = [...placesNear.slice(0, 2), ...postsNear.slice(0, 1), ...eventsNear.slice(0, 1), ...byDistance(world.baseLabels).slice(0, 1)];
  const calledOut = new Set([placesNear[0]?.id, postsNear[0]?.id, eventsNear[0]?.id]);
  return {
    camera: fitCamera(
      opening,
      seen.map((p) => ({ at: [p.lon, p.lat] as LonLat, labelWidth: 0, labelHeight: 0 })),
      viewport,
    ),
    date: world.fronts[0]?.date ?? '',
    layers: [...LAYER_IDS],
    areas: [
      ...world.fronts.flatMap((f) => [
        { id: f.heldId, kind: 'control' as const },
        { id: f.id, kind: 'front-line' as const },
        ...(f.takenId ? [{ id: f.takenId, kind: 'taken' as const }] : []),
      ]),
      ...world.areas.map(({ id, kind }) => ({ id, kind })),
    ],
    front: undefined,
    places: placesNear.map(({ id }) => ({ id, highlighted: calledOut.has(id), anchors: [...ANCHORS], decided: false })),
    markers: [
      ...world.posts.map((p): MarkerMark => ({ id: p.id, state: p.encircled ? 'post-encircled' : 'post', highlighted: calledOut.has(p.id), offset: [0, 0] })),
      ...world.events.map((e): MarkerMark => ({ id: e.id, state: e.kind, highlighted: calledOut.has(e.id), offset: [0, 0] })),
    ],
    paths: Object.values(world.paths).map((samples) => slicePath(samples, 1)),
    baseLabels: world.baseLabels.map((l) => l.id),
    contextTowns: true,
  };
}
