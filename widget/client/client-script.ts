// The classic-script build of the client (GET /client.js): defines `window.optout`, connected to the host it was loaded from.
import { connectOptOut, type OptOutClient } from './client.js';
import { applyNamedAdapters } from './adapters/named-adapters.js';
import { DEFAULT_MAX_AGE, parseMaxAge } from './mirror-freshness.js';

declare global {
  interface Window {
    /** The client connected by `<script src="https://optout.example.org/client.js">`. */
    optout?: OptOutClient;
  }
}

/** `data-max-age` (seconds); a bad value is named on the console and the default used, so a typo never stops the opt-out. */
function maxAgeOf(tag: HTMLScriptElement): number {
  const given = tag.dataset.maxAge;
  if (given === undefined) return DEFAULT_MAX_AGE;
  const seconds = parseMaxAge(given);
  if (seconds !== undefined) return seconds;
  console.warn(`optout-frame: data-max-age must be a number of seconds >= 0, got "${given}"; using ${DEFAULT_MAX_AGE}`);
  return DEFAULT_MAX_AGE;
}

const script = document.currentScript;
// Included twice, it keeps one connection (one bridge, one set of listeners).
if (script instanceof HTMLScriptElement && script.src && !window.optout) {
  // The host is wherever this script came from (the folder of client.js, for a mounted host).
  // The profile: `data-site`, or `site=` on the script's own URL (as the host's builder writes it).
  const site = script.dataset.site || new URL(script.src).searchParams.get('site') || undefined;
  const client = connectOptOut({ host: new URL('.', script.src).href, site, maxAge: maxAgeOf(script) });
  window.optout = client;
  // Synchronously, before any tracker below this tag runs: the remembered choice applies to the first hit.
  applyNamedAdapters(client, script.dataset.adapters ?? '', script.dataset);
}
