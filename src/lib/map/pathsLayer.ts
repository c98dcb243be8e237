import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import type { Position } from 'geojson';
import { ARROW } from '../cartography/symbols.ts';
import { STRIDE, lineMesh } from './lineMesh.ts';
import { mercator, projectedLengths } from './lineProgress.ts';
import { PATHS_LAYER, type PathLayer } from './style.ts';

/** An arrow head: where its tip stands, which way it points (compass degrees), whose colour. */
export interface Head {
  id: string;
  kind: string;
  at: Position;
  bearing: number;
}

/**
 * What the paths layer draws: each shown path cut at its `line-progress` (0..1; 1 draws it
 * whole, round end included; a line with a head stops short of it), later paths over earlier
 * ones, and the arrow heads over them all.
 */
export interface DrawnPaths {
  lines: { id: string; cut: number }[];
  heads: Head[];
}

/** What the renderer needs of the paths layer. */
export interface PathsTarget {
  set(drawn: DrawnPaths): void;
}

/** The layer as added to the map; `paths` and `drawn` let tests read back what it draws. */
export type PathsLayer = CustomLayerInterface & PathsTarget & { readonly paths: readonly PathLayer[]; readonly drawn: DrawnPaths };

const LINE_VERTEX = `
attribute vec2 a_pos;
attribute vec2 a_offset;
attribute vec2 a_local;
attribute float a_progress;
uniform mat4 u_matrix;
uniform float u_reach;
uniform float u_px;
varying vec2 v_local;
varying float v_progress;
void main() {
  v_local = a_local * u_reach;
  v_progress = a_progress;
  gl_Position = u_matrix * vec4(a_pos + a_offset * u_reach * u_px, 0.0, 1.0);
}`;
// Coverage falls from 1 to 0 over one device pixel at the line's edge, as MapLibre antialiases.
const LINE_FRAGMENT = `
precision highp float;
uniform vec4 u_colour;
uniform float u_half;
uniform float u_ratio;
uniform float u_cut;
varying vec2 v_local;
varying float v_progress;
void main() {
  if (v_progress > u_cut) discard;
  float coverage = clamp((u_half - length(v_local)) * u_ratio + 0.5, 0.0, 1.0);
  if (coverage <= 0.0) discard;
  gl_FragColor = u_colour * coverage;
}`;
const HEAD_VERTEX = `
attribute vec2 a_pos;
attribute vec2 a_uv;
uniform mat4 u_matrix;
varying vec2 v_uv;
void main() {
  v_uv = a_uv;
  gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);
}`;
const HEAD_FRAGMENT = `
precision mediump float;
uniform sampler2D u_icons;
varying vec2 v_uv;
void main() {
  gl_FragColor = texture2D(u_icons, v_uv);
}`;

/**
 * What the paths layer draws, bottom first: roads' casings, roads, movements' casings,
 * movements, each group in the order of `lines` (the frame's: later over earlier), so no casing
 * covers another path's line, as the still maps stack them.
 */
export function drawOrder(paths: ReadonlyMap<string, PathLayer>, lines: DrawnPaths['lines']): { path: PathLayer; part: 'casing' | 'line'; cut: number }[] {
  const shown = lines.map(({ id, cut }) => ({ path: paths.get(id)!, cut }));
  return [true, false].flatMap((roads) =>
    (['casing', 'line'] as const).flatMap((part) => shown.filter(({ path }) => (path.kind === 'road') === roads).map(({ path, cut }) => ({ path, part, cut }))),
  );
}

type Locations = { attributes: Record<string, number>; uniforms: Record<string, WebGLUniformLocation | null> };

/** The locations of a linked program's attributes and uniforms, by name. */
function locations(context: WebGL2RenderingContext, program: WebGLProgram, attributes: string[], uniforms: string[]): Locations {
  return {
    attributes: Object.fromEntries(attributes.map((name) => [name, context.getAttribLocation(program, name)])),
    uniforms: Object.fromEntries(uniforms.map((name) => [name, context.getUniformLocation(program, name)])),
  };
}

/** `#rrggbb` as the RGBA (0..1) MapLibre blends: premultiplied, which is the same for an opaque colour. */
function rgba(hex: string): [number, number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`paths layer: colour "${hex}" is not #rrggbb`);
  return [Number.parseInt(m[1]!, 16) / 255, Number.parseInt(m[2]!, 16) / 255, Number.parseInt(m[3]!, 16) / 255, 1];
}

/**
 * The roads and movements with their arrow heads, drawn by WebGL in the map's own frames: a
 * custom layer in the style's place for them, under the shields and every label. Each path is
 * uploaded once as a mesh (`lineMesh`) and drawn as far as its cut, a uniform: a line that grows
 * on every animation step changes no style property, sends nothing to MapLibre's worker and
 * costs one frame, drawn in `drawOrder`. Each head is an icon of the vocabulary's arrow
 * (`icons`: one per kind, all the same size, any multiple of ARROW.icon.size CSS px), its tip on
 * the point, turned to its bearing in the map's plane, as a symbol layer would draw it. For a
 * flat map (the story never pitches).
 */
export function createPathsLayer(paths: readonly PathLayer[], icons: Readonly<Record<string, ImageData>>): PathsLayer {
  const kinds = Object.keys(icons);
  let drawn: DrawnPaths = { lines: [], heads: [] };
  let map: MapLibreMap | undefined;
  let gl: WebGL2RenderingContext | undefined;
  let lineProgram: WebGLProgram | null = null;
  let headProgram: WebGLProgram | null = null;
  let meshBuffer: WebGLBuffer | null = null;
  let headBuffer: WebGLBuffer | null = null;
  let texture: WebGLTexture | null = null;
  /** Where each path's vertices start in the mesh buffer, and how many. */
  const ranges = new Map<string, { first: number; count: number }>();
  /** Each path's length in Web Mercator units. */
  const lengths = new Map(paths.map((p) => [p.id, projectedLengths(p.points).at(-1)!]));
  /** Each path's casing and line colours, parsed once (a bad one fails here, not in a frame). */
  const colours = new Map(paths.map((p) => [p.id, { casing: rgba(p.casing.colour), line: rgba(p.line.colour) }]));
  /** Each program's attribute and uniform locations, looked up once after linking. */
  let at: { line: Locations; head: Locations } | undefined;
  const byId = new Map(paths.map((p) => [p.id, p]));

  function compile(context: WebGL2RenderingContext, vertex: string, fragment: string) {
    const shader = (type: number, source: string) => {
      const s = context.createShader(type)!;
      context.shaderSource(s, source);
      context.compileShader(s);
      return s;
    };
    const program = context.createProgram();
    context.attachShader(program, shader(context.VERTEX_SHADER, vertex));
    context.attachShader(program, shader(context.FRAGMENT_SHADER, fragment));
    context.linkProgram(program);
    if (!context.getProgramParameter(program, context.LINK_STATUS)) throw new Error(`paths layer: ${context.getProgramInfoLog(program)}`);
    return program;
  }

  /** Compiles the programs, uploads every path's mesh and the icons side by side, once, inside a frame (MapLibre resets its GL state after). */
  function init(context: WebGL2RenderingContext) {
    lineProgram = compile(context, LINE_VERTEX, LINE_FRAGMENT);
    headProgram = compile(context, HEAD_VERTEX, HEAD_FRAGMENT);
    at = {
      line: locations(
        context,
        lineProgram,
        ['a_pos', 'a_offset', 'a_local', 'a_progress'],
        ['u_matrix', 'u_px', 'u_ratio', 'u_half', 'u_reach', 'u_cut', 'u_colour'],
      ),
      head: locations(context, headProgram, ['a_pos', 'a_uv'], ['u_matrix', 'u_icons']),
    };
    const meshes = paths.map((p) => lineMesh(p.points));
    const all = new Float32Array(meshes.reduce((n, m) => n + m.length, 0));
    let offset = 0;
    for (const [i, mesh] of meshes.entries()) {
      all.set(mesh, offset);
      ranges.set(paths[i]!.id, { first: offset / STRIDE, count: mesh.length / STRIDE });
      offset += mesh.length;
    }
    meshBuffer = context.createBuffer();
    context.bindBuffer(context.ARRAY_BUFFER, meshBuffer);
    context.bufferData(context.ARRAY_BUFFER, all, context.STATIC_DRAW);
    headBuffer = context.createBuffer();
    const first = icons[kinds[0]!]!;
    const atlas = new Uint8ClampedArray(first.width * kinds.length * first.height * 4);
    for (const [i, kind] of kinds.entries()) {
      const icon = icons[kind]!;
      for (let y = 0; y < icon.height; y++)
        atlas.set(icon.data.subarray(y * icon.width * 4, (y + 1) * icon.width * 4), (y * first.width * kinds.length + i * first.width) * 4);
    }
    texture = context.createTexture();
    context.bindTexture(context.TEXTURE_2D, texture);
    // MapLibre blends premultiplied colours.
    context.pixelStorei(context.UNPACK_PREMULTIPLY_ALPHA_WEBGL, true);
    context.texImage2D(context.TEXTURE_2D, 0, context.RGBA, first.width * kinds.length, first.height, 0, context.RGBA, context.UNSIGNED_BYTE, atlas);
    context.texParameteri(context.TEXTURE_2D, context.TEXTURE_MIN_FILTER, context.LINEAR);
    context.texParameteri(context.TEXTURE_2D, context.TEXTURE_MAG_FILTER, context.LINEAR);
    context.texParameteri(context.TEXTURE_2D, context.TEXTURE_WRAP_S, context.CLAMP_TO_EDGE);
    context.texParameteri(context.TEXTURE_2D, context.TEXTURE_WRAP_T, context.CLAMP_TO_EDGE);
  }

  /** Two triangles per head, as [x, y, u, v] in Mercator and atlas units; `px` is a CSS px in Mercator units. */
  function headVertices(px: number): Float32Array {
    const size = ARROW.icon.size;
    const out: number[] = [];
    for (const head of drawn.heads) {
      const slot = kinds.indexOf(head.kind);
      if (slot === -1) continue;
      const [x0, y0] = mercator(head.at);
      const turn = (head.bearing * Math.PI) / 180;
      const [cos, sin] = [Math.cos(turn), Math.sin(turn)];
      // The icon's corners around its tip (y down, as on screen), turned clockwise by the bearing.
      const corner = (dx: number, dy: number, u: number, v: number) =>
        out.push(x0 + (dx * cos - dy * sin) * px, y0 + (dx * sin + dy * cos) * px, (slot + u) / kinds.length, v);
      const [left, right, top, bottom] = [-size / 2, size / 2, -ARROW.icon.tip, size - ARROW.icon.tip];
      corner(left, top, 0, 0);
      corner(right, top, 1, 0);
      corner(left, bottom, 0, 1);
      corner(right, top, 1, 0);
      corner(right, bottom, 1, 1);
      corner(left, bottom, 0, 1);
    }
    return new Float32Array(out);
  }

  /** Points the attribute at `location` at `size` floats, `offset` floats into each vertex of `stride` floats. */
  function attribute(context: WebGL2RenderingContext, location: number, size: number, stride: number, offset: number) {
    context.enableVertexAttribArray(location);
    context.vertexAttribPointer(location, size, context.FLOAT, false, stride * 4, offset * 4);
  }

  function drawLines(context: WebGL2RenderingContext, matrix: Float32Array, px: number, ratio: number) {
    const { attributes: a, uniforms: u } = at!.line;
    context.useProgram(lineProgram);
    context.bindBuffer(context.ARRAY_BUFFER, meshBuffer);
    attribute(context, a.a_pos!, 2, STRIDE, 0);
    attribute(context, a.a_offset!, 2, STRIDE, 2);
    attribute(context, a.a_local!, 2, STRIDE, 4);
    attribute(context, a.a_progress!, 1, STRIDE, 6);
    const uniform = (name: string) => u[name]!;
    context.uniformMatrix4fv(uniform('u_matrix'), false, matrix);
    context.uniform1f(uniform('u_px'), px);
    context.uniform1f(uniform('u_ratio'), ratio);
    const headed = new Set(drawn.heads.map((h) => h.id));
    for (const { path, part, cut } of drawOrder(byId, drawn.lines)) {
      const range = ranges.get(path.id)!;
      // Under its head a line stops ARROW.inset px short of the tip, as on the still maps: the
      // head narrows to its tip, and a line drawn to the tip would show beside it.
      const end = headed.has(path.id) ? cut - (ARROW.inset * px) / lengths.get(path.id)! : cut >= 1 ? 2 : cut;
      const half = path.widths[part] / 2;
      context.uniform1f(uniform('u_half'), half);
      // Room for the antialiased edge beyond the line's half width.
      context.uniform1f(uniform('u_reach'), half + 1);
      context.uniform1f(uniform('u_cut'), end);
      context.uniform4fv(uniform('u_colour'), colours.get(path.id)![part]);
      context.drawArrays(context.TRIANGLES, range.first, range.count);
    }
  }

  function drawHeads(context: WebGL2RenderingContext, matrix: Float32Array, px: number) {
    const data = headVertices(px);
    if (!data.length) return;
    const { attributes: a, uniforms: u } = at!.head;
    context.useProgram(headProgram);
    context.bindBuffer(context.ARRAY_BUFFER, headBuffer);
    context.bufferData(context.ARRAY_BUFFER, data, context.DYNAMIC_DRAW);
    attribute(context, a.a_pos!, 2, 4, 0);
    attribute(context, a.a_uv!, 2, 4, 2);
    context.uniformMatrix4fv(u.u_matrix!, false, matrix);
    context.activeTexture(context.TEXTURE0);
    context.bindTexture(context.TEXTURE_2D, texture);
    context.uniform1i(u.u_icons!, 0);
    context.drawArrays(context.TRIANGLES, 0, data.length / 4);
  }

  return {
    id: PATHS_LAYER,
    type: 'custom',
    renderingMode: '2d',
    paths,
    get drawn() {
      return drawn;
    },
    set(next) {
      for (const { id } of next.lines) if (!byId.has(id)) throw new Error(`paths layer: no path "${id}"`);
      drawn = next;
      map?.triggerRepaint();
    },
    onAdd(added: MapLibreMap) {
      map = added;
    },
    onRemove(_: MapLibreMap, context: WebGL2RenderingContext) {
      if (context === gl) {
        for (const program of [lineProgram, headProgram]) context.deleteProgram(program);
        for (const buffer of [meshBuffer, headBuffer]) context.deleteBuffer(buffer);
        context.deleteTexture(texture);
      }
      map = undefined;
    },
    render(context: WebGL2RenderingContext, options: CustomRenderMethodInput) {
      if (!map || (!drawn.lines.length && !drawn.heads.length)) return;
      if (gl !== context) {
        gl = context;
        init(context);
      }
      // Web Mercator (0..1) to clip space, for a flat map; a CSS px in Mercator units at this
      // zoom (MapLibre's tiles are 512 px).
      const matrix = Float32Array.from(options.defaultProjectionData.mainMatrix);
      const px = 1 / (512 * 2 ** map.getZoom());
      drawLines(context, matrix, px, map.getPixelRatio());
      drawHeads(context, matrix, px);
    },
  };
}
