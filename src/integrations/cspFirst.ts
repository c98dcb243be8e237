import type { AstroIntegration } from 'astro';
import { rewriteBuiltHtml } from './builtHtml.ts';

const CSP_META = /<meta http-equiv="content-security-policy"[^>]*>/gi;
// The charset declaration stays first: browsers look for it only in a page's first 1024 bytes,
// and the policy alone is longer than that. It runs nothing, so the policy loses nothing.
const HEAD_START = /<head>(<meta charset="[^"]*">)?/i;

/**
 * Moves the Content-Security-Policy <meta> to the top of <head>. A policy applies only to what
 * comes after it in the document, and Astro writes it at the end of <head>, after the inline
 * early check and the JSON-LD script. Pages without a policy are left as they are.
 */
export function cspFirstInHead(html: string): string {
  const metas = html.match(CSP_META);
  if (!metas) return html;
  if (metas.length > 1) throw new Error(`cspFirst: ${metas.length} Content-Security-Policy <meta> elements in one page`);
  const rest = html.replace(CSP_META, '');
  if (!HEAD_START.test(rest)) throw new Error('cspFirst: no <head> to move the Content-Security-Policy <meta> into');
  return rest.replace(HEAD_START, (start) => start + metas[0]);
}

/** After the build: the policy first in every page's <head> (see `cspFirstInHead`). */
export function cspFirst(): AstroIntegration {
  return {
    name: 'csp-first',
    hooks: {
      'astro:build:done': ({ dir }) => rewriteBuiltHtml(dir, cspFirstInHead),
    },
  };
}
