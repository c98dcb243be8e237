import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/**
 * Rewrites every HTML page of a finished build (the `dir` of `astro:build:done`) with `edit`,
 * which also gets the page's depth below the site root (0 for `index.html`).
 */
export async function rewriteBuiltHtml(dir: URL, edit: (html: string, depth: number) => string): Promise<void> {
  const root = fileURLToPath(dir);
  for await (const file of htmlFiles(root)) {
    const depth = relative(root, file).split(sep).length - 1;
    await writeFile(file, edit(await readFile(file, 'utf8'), depth));
  }
}
