import type { APIRoute } from 'astro';
import { storyPayload } from '@build/payload.ts';
import { getSections } from '@build/sections.ts';

export const GET: APIRoute = async () => new Response(JSON.stringify(storyPayload(await getSections())), { headers: { 'Content-Type': 'application/json' } });
