import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { findBrowser } from '../../../tests/e2e/browser.ts';

/**
 * Frames into an MP4 (H.264), with the browser's own encoder: WebCodecs in headless Chromium, the
 * same browser the tests drive, muxed by mediabunny (a maintained, dependency-free TypeScript
 * muxer from npm). Nothing is downloaded at install or run time, and nothing is recorded from a
 * screen: each frame's pixels go to the page from a local server, as raw RGBA, and the file
 * comes back the same way. Social platforms take H.264 in MP4; Debian's Chromium and Google
 * Chrome encode it (Playwright's own Chromium may not: `CHROME_PATH` chooses the browser).
 */

export interface VideoJob {
  width: number;
  height: number;
  fps: number;
  frames: number;
  /** Frame `i` as RGBA pixels, `width × height × 4` bytes. */
  pixels(i: number): Promise<Uint8Array>;
}

const require = createRequire(join(process.cwd(), 'package.json'));
// mediabunny's browser bundle, beside the Node entry its package exports.
const MEDIABUNNY = readFileSync(join(dirname(require.resolve('mediabunny')), 'mediabunny.mjs'));

/**
 * The page's side, as plain JavaScript (it runs in the browser, untouched by any build):
 * `encodeVideo` fetches each frame and encodes it; `decodeFrames` decodes the frames shown at
 * given times and posts their pixels back.
 */
const PAGE_SCRIPT = `
import { Output, Mp4OutputFormat, BufferTarget, VideoSampleSource, VideoSample, QUALITY_HIGH, canEncodeVideo, Input, UrlSource, ALL_FORMATS, VideoSampleSink } from '/mediabunny.mjs';
window.encodeVideo = async ({ width, height, fps, frames }) => {
  if (!(await canEncodeVideo('avc', { width, height }))) throw new Error('this browser cannot encode H.264 at ' + width + 'x' + height + ': set CHROME_PATH to Chrome or Debian Chromium');
  const output = new Output({ format: new Mp4OutputFormat({ fastStart: 'in-memory' }), target: new BufferTarget() });
  const source = new VideoSampleSource({ codec: 'avc', bitrate: QUALITY_HIGH, keyFrameInterval: 2 });
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();
  for (let i = 0; i < frames; i++) {
    const response = await fetch('/frame/' + i);
    if (!response.ok) throw new Error('frame ' + i + ': ' + (await response.text()));
    const sample = new VideoSample(new Uint8Array(await response.arrayBuffer()), { format: 'RGBA', codedWidth: width, codedHeight: height, timestamp: i / fps, duration: 1 / fps });
    await source.add(sample);
    sample.close();
  }
  await output.finalize();
  await fetch('/out/video.mp4', { method: 'POST', body: output.target.buffer });
};
window.decodeFrames = async (times) => {
  const input = new Input({ source: new UrlSource('/input.mp4'), formats: ALL_FORMATS });
  const track = await input.getPrimaryVideoTrack();
  const sink = new VideoSampleSink(track);
  const canvas = new OffscreenCanvas(await track.getDisplayWidth(), await track.getDisplayHeight());
  const context = canvas.getContext('2d');
  for (const [k, time] of times.entries()) {
    const sample = await sink.getSample(time);
    if (!sample) throw new Error('no frame at ' + time + ' s');
    sample.draw(context, 0, 0);
    sample.close();
    await fetch('/out/frame-' + k, { method: 'POST', body: context.getImageData(0, 0, canvas.width, canvas.height).data });
  }
  return { width: canvas.width, height: canvas.height };
};
window.ready = true;
`;

interface EncoderPage {
  encodeVideo(job: Omit<VideoJob, 'pixels'>): Promise<void>;
  decodeFrames(times: number[]): Promise<{ width: number; height: number }>;
  ready?: boolean;
}

const body = (req: IncomingMessage) =>
  new Promise<Buffer>((ok, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => ok(Buffer.concat(chunks))).on('error', fail);
  });

/** What the local server hands the page, and what it got back. */
interface Exchange {
  job?: VideoJob | undefined;
  input?: Uint8Array | undefined;
  received: Map<string, Buffer>;
}

/** A browser page on a local server that hands it frames and takes back what it makes. */
export class MediaBrowser {
  private constructor(
    private browser: Browser,
    private server: Server,
    private page: Page,
    private exchange: Exchange,
  ) {}

  static async open(): Promise<MediaBrowser> {
    const self: Exchange = { received: new Map() };
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const send = (type: string, data: Uint8Array | string) => {
        res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
        res.end(data);
      };
      const frame = /^\/frame\/(\d+)$/.exec(url.pathname);
      if (url.pathname === '/') send('text/html; charset=utf-8', '<!doctype html><title>encoder</title><script type="module" src="/page.mjs"></script>');
      else if (url.pathname === '/page.mjs') send('text/javascript', PAGE_SCRIPT);
      else if (url.pathname === '/mediabunny.mjs') send('text/javascript', MEDIABUNNY);
      else if (frame && self.job) self.job.pixels(Number(frame[1])).then((p) => send('application/octet-stream', p), (e: unknown) => (res.writeHead(500), res.end(String(e))));
      else if (url.pathname === '/input.mp4' && self.input) send('video/mp4', self.input);
      else if (req.method === 'POST' && url.pathname.startsWith('/out/')) {
        void body(req).then((data) => {
          self.received.set(url.pathname.slice(5), data);
          send('text/plain', 'ok');
        });
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const browser = await chromium.launch({ executablePath: findBrowser(), args: ['--disable-quic', '--disable-background-networking'] });
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => (window as unknown as EncoderPage).ready === true);
    return new MediaBrowser(browser, server, page, self);
  }

  /** Encodes a job's frames as H.264 in MP4; resolves with the file. */
  async encode(job: VideoJob): Promise<Buffer> {
    this.exchange.job = job;
    this.exchange.received.delete('video.mp4');
    await this.page.evaluate((job) => (window as unknown as EncoderPage).encodeVideo(job), { width: job.width, height: job.height, fps: job.fps, frames: job.frames });
    this.exchange.job = undefined;
    const file = this.exchange.received.get('video.mp4');
    if (!file) throw new Error('the encoder returned no file');
    return file;
  }

  /**
   * Decodes the frames of an MP4 shown at `times` (seconds), with the browser's decoder, into
   * RGBA pixels: what a viewer sees, for the tests to compare with what was drawn.
   */
  async decode(mp4: Uint8Array, times: number[]): Promise<{ width: number; height: number; frames: Buffer[] }> {
    this.exchange.input = mp4;
    const size = await this.page.evaluate((times) => (window as unknown as EncoderPage).decodeFrames(times), times);
    this.exchange.input = undefined;
    return { ...size, frames: times.map((_, k) => this.exchange.received.get(`frame-${k}`)!) };
  }

  async close() {
    await this.browser.close();
    await new Promise<void>((ok) => this.server.close(() => ok()));
  }
}
