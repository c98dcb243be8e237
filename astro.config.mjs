// @ts-check
import { defineConfig } from 'astro/config';
import svelte from '@astrojs/svelte';
import { createHash } from 'node:crypto';
import { cspFirst } from './src/integrations/cspFirst.ts';
import { precompressBuild } from './src/integrations/precompress.ts';
import { relativeUrls } from './src/integrations/relativeUrls.ts';
import { validateInputs } from './src/integrations/validateInputs.ts';
import { EARLY_CHECK_SCRIPT } from './src/lib/map/earlyCheck.ts';
import { DISPLAY_SCRIPT } from './src/lib/cartography/theme.ts';
import { themeStylesheet } from './src/lib/cartography/tokens.ts';

// Astro hashes the scripts it bundles; the inline scripts it leaves alone are hashed here.
const scriptHash = (/** @type {string} */ script) => /** @type {`sha256-${string}`} */ (`sha256-${createHash('sha256').update(script).digest('base64')}`);
const earlyCheckHash = scriptHash(EARLY_CHECK_SCRIPT);
const displayHash = scriptHash(DISPLAY_SCRIPT);

// The built folder must work at `/` and under any sub-path without a rebuild (hosts copy it
// anywhere), so every URL the site emits is relative: Vite writes asset URLs relative to the
// file that uses them, and `relativeUrls` rewrites the root-absolute links Astro puts in HTML.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  // validateInputs checks data and story files before anything is built; precompress must come
  // after every integration that rewrites the output (relativeUrls, cspFirst).
  integrations: [validateInputs({ storyDir: 'src/content/story' }), svelte(), relativeUrls(), cspFirst(), precompressBuild()],
  // The story has no code blocks; Shiki's highlighting would need inline styles the CSP forbids.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  // A Content-Security-Policy <meta> on every page: the site may fetch only from its own host.
  // Astro hashes the inline <style> and <script> it emits and adds them to style-src/script-src.
  // MapLibre fits inside: its worker is a same-origin module (blob: is allowed for browsers or
  // versions that wrap it), its fonts load through the CSS Font Loading API from 'self', and
  // the style properties Svelte and MapLibre set from script (CSSOM) are not inline styles.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "font-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
      ],
      scriptDirective: { hashes: [earlyCheckHash, displayHash] },
    },
  },
  vite: {
    plugins: [tokensStylesheet()],
    build: {
      // MapLibre's own chunk (about 1,060 kB minified, loaded only when the map starts) is the only one
      // past Vite's 500 kB default. The limit sits just above it, so the warning speaks again only if
      // MapLibre grows by more than about 13 %; the project's own scripts are held far tighter by
      // bench/budgets.json (ownJsKB, checked in npm test).
      chunkSizeWarningLimit: 1200,
      modulePreload: false,
      assetsInlineLimit: 0,
      // MapLibre gets a chunk of its own, `_astro/maplibre.[hash].js`, so the benchmark and the
      // budget test can tell its weight from the project's own code.
      rolldownOptions: {
        output: { codeSplitting: { groups: [{ name: 'maplibre', test: /[\\/]node_modules[\\/]maplibre-gl[\\/]/ }] } },
      },
    },
    experimental: {
      renderBuiltUrl: (_filename, { hostType }) =>
        hostType === 'js' || hostType === 'css' ? { relative: true } : undefined,
    },
  },
});

/**
 * `virtual:tokens.css`: the map's palettes, light and dark, as CSS custom properties (src/lib/cartography/tokens.ts),
 * so the pages' stylesheets and the map draw with the same colours from one source.
 * @returns {import('vite').Plugin}
 */
function tokensStylesheet() {
  const id = 'virtual:tokens.css';
  const resolved = `\0${id}`;
  return {
    name: 'tokens-stylesheet',
    resolveId: (source) => (source === id ? resolved : undefined),
    load: (source) => (source === resolved ? themeStylesheet() : undefined),
  };
}
