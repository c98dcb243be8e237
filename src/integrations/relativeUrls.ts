import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Rewrites root-absolute URLs in one HTML page so they resolve from the page's own folder. */
export function relativizeHtml(html: string, depth: number): string {
  const prefix = depth === 0 ? './' : '../'.repeat(depth);
  return html
    .replace(/(\s(?:href|src|srcset|poster|action|content|component-url|renderer-url|data-root)=")\/(?!\/)/g, `$1${prefix}`)
    .replace(/url\(\/(?!\/)/g, `url(${prefix}`);
}

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
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
      'astro:build:done': async ({ dir }) => {
        const root = fileURLToPath(dir);
        for await (const file of htmlFiles(root)) {
          const depth = relative(root, file).split(sep).length - 1;
          const html = await readFile(file, 'utf8');
          await writeFile(file, relativizeHtml(html, depth));
        }
      },
    },
  };
}
