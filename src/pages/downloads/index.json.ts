import type { APIRoute } from 'astro';
import { emptyManifest } from '@build/export/manifest.ts';

/**
 * `/downloads/index.json`: what `npm run export` has written into this copy of the site. The
 * build publishes it empty; the export rewrites it as it adds the videos beside it, and the
 * journalists' page offers whatever it lists.
 */
export const GET: APIRoute = () => new Response(`${JSON.stringify(emptyManifest())}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
