import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import type { Position } from 'geojson';
import { ARROW } from '../cartography/symbols.ts';
import { mercator } from './lineProgress.ts';
import { HEADS_LAYER } from './style.ts';

/** An arrow head: where its tip stands, which way it points (compass degrees), whose colour. */
export interface Head {
  id: string;
  kind: string;
  at: Position;
  bearing: number;
}

/** What the renderer needs of the heads layer. */
export interface HeadsTarget {
  set(heads: readonly Head[]): void;
}

export type HeadsLayer = CustomLayerInterface & HeadsTarget & { readonly heads: readonly Head[] };

const VERTEX = `
attribute vec2 a_pos;
attribute vec2 a_uv;
uniform mat4 u_matrix;
varying vec2 v_uv;
void main() {
  v_uv = a_uv;
  gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);
}`;
const FRAGMENT = `
precision mediump float;
uniform sampler2D u_icons;
varying vec2 v_uv;
void main() {
  gl_FragColor = texture2D(u_icons, v_uv);
}`;

/**
 * The arrow heads, drawn by WebGL in the map's own frames: a custom layer in the style's place
 * for them, over the lines and under the shields and every label. Each head is an icon of the
 * vocabulary's arrow (`icons`: one per kind, all the same size, any multiple of ARROW.icon.size
 * CSS px), its tip on the point, turned to its bearing in the map's plane, as a symbol layer
 * would draw it. Heads move on nearly every animation step: through a GeoJSON source each move
 * would go to MapLibre's worker and back and draw the map twice; here it is a few numbers, drawn
 * in the frame that moves the line.
 */
export function createHeadsLayer(icons: Readonly<Record<string, ImageData>>): HeadsLayer {
  const kinds = Object.keys(icons);
  let heads: readonly Head[] = [];
  let map: MapLibreMap | undefined;
  let gl: WebGL2RenderingContext | undefined;
  let program: WebGLProgram | null = null;
  let buffer: WebGLBuffer | null = null;
  let texture: WebGLTexture | null = null;

  /** Compiles the program and uploads the icons side by side, once, inside a frame (MapLibre resets its GL state after). */
  function init(context: WebGL2RenderingContext) {
    const shader = (type: number, source: string) => {
      const s = context.createShader(type)!;
      context.shaderSource(s, source);
      context.compileShader(s);
      return s;
    };
    program = context.createProgram();
    context.attachShader(program, shader(context.VERTEX_SHADER, VERTEX));
    context.attachShader(program, shader(context.FRAGMENT_SHADER, FRAGMENT));
    context.linkProgram(program);
    if (!context.getProgramParameter(program, context.LINK_STATUS)) throw new Error(`heads layer: ${context.getProgramInfoLog(program)}`);
    buffer = context.createBuffer();
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

  /** Two triangles per head, as [x, y, u, v] in Mercator and atlas units. */
  function vertices(zoom: number): Float32Array {
    const size = ARROW.icon.size;
    // CSS px to Mercator units at this zoom (MapLibre's tiles are 512 px).
    const px = 1 / (512 * 2 ** zoom);
    const out: number[] = [];
    for (const head of heads) {
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

  return {
    id: HEADS_LAYER,
    type: 'custom',
    renderingMode: '2d',
    get heads() {
      return heads;
    },
    set(next) {
      heads = next;
      map?.triggerRepaint();
    },
    onAdd(added: MapLibreMap) {
      map = added;
    },
    onRemove(_: MapLibreMap, context: WebGL2RenderingContext) {
      if (context === gl) {
        context.deleteProgram(program);
        context.deleteBuffer(buffer);
        context.deleteTexture(texture);
      }
      map = undefined;
    },
    render(context: WebGL2RenderingContext, options: CustomRenderMethodInput) {
      if (!heads.length || !map) return;
      if (gl !== context) {
        gl = context;
        init(context);
      }
      const data = vertices(map.getZoom());
      context.useProgram(program);
      context.bindBuffer(context.ARRAY_BUFFER, buffer);
      context.bufferData(context.ARRAY_BUFFER, data, context.DYNAMIC_DRAW);
      const attribute = (name: string, offset: number) => {
        const at = context.getAttribLocation(program!, name);
        context.enableVertexAttribArray(at);
        context.vertexAttribPointer(at, 2, context.FLOAT, false, 16, offset);
      };
      attribute('a_pos', 0);
      attribute('a_uv', 8);
      // Web Mercator (0..1) to clip space, for a flat map.
      context.uniformMatrix4fv(context.getUniformLocation(program!, 'u_matrix'), false, Float32Array.from(options.defaultProjectionData.mainMatrix));
      context.activeTexture(context.TEXTURE0);
      context.bindTexture(context.TEXTURE_2D, texture);
      context.uniform1i(context.getUniformLocation(program!, 'u_icons'), 0);
      context.drawArrays(context.TRIANGLES, 0, data.length / 4);
    },
  };
}
