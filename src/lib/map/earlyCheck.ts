/**
 * Runs in the page's <head>, before first paint: where the live map cannot run (no WebGL; a
 * page opened from a file, whose module scripts browsers refuse) the still maps are laid out
 * from the start, so nothing shifts when the map gives up. Plain ES5, no imports: it is inlined
 * as it stands, and astro.config.mjs adds its hash to the Content-Security-Policy.
 */
export const EARLY_CHECK_SCRIPT =
  "(function(){var c=document.createElement('canvas'),g,x;try{g=c.getContext('webgl2')||c.getContext('webgl')}catch(e){}" +
  "if(!g||location.protocol==='file:')document.documentElement.setAttribute('data-map','failed');" +
  // Hand the test context back at once: browsers keep only a few alive per page.
  "x=g&&g.getExtension('WEBGL_lose_context');if(x)x.loseContext()})();";
