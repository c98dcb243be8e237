import type { AstroIntegration } from 'astro';
import { rewriteBuiltHtml } from './builtHtml.ts';

/** Rewrites root-absolute URLs in one HTML page so they resolve from the page's own folder. */
export function relativizeHtml(html: string, depth: number): string {
  const prefix = depth === 0 ? './' : '../'.repeat(depth);
  return html
    .replace(/(\s(?:href|src|srcset|poster|action|content|component-url|renderer-url|data-root)=")\/(?!\/)/g, `$1${prefix}`)
    .replace(/url\(\/(?!\/)/g, `url(${prefix}`);
}

/**
 * Astro writes links as `/_astro/…`, which only works when the site sits at the host's root.
 * After the build, every page's root-absolute links become relative to that page, so the same
 * `dist/` folder can be served from `/` or copied under any sub-path.
 */
export function relativeUrls(): AstroIntegration {
  return {
    name: 'relative-urls',
    hooks: {
      'astro:build:done': ({ dir }) => rewriteBuiltHtml(dir, relativizeHtml),
    },
  };
}
