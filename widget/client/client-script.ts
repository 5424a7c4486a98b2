// The classic-script build of the client (GET /client.js): defines `window.optout`, connected to the host it was loaded from.
import { connectOptOut, type OptOutClient } from './client.js';
import { applyNamedAdapters } from './adapters/named-adapters.js';

declare global {
  interface Window {
    /** The client connected by `<script src="https://optout.example.org/client.js">`. */
    optout?: OptOutClient;
  }
}

const script = document.currentScript;
// Included twice, it keeps one connection (one bridge, one set of listeners).
if (script instanceof HTMLScriptElement && script.src && !window.optout) {
  // The host is wherever this script came from (the folder of client.js, for a mounted host).
  // The profile: `data-site`, or `site=` on the script's own URL (as the host's builder writes it).
  const site = script.dataset.site || new URL(script.src).searchParams.get('site') || undefined;
  const client = connectOptOut({ host: new URL('.', script.src).href, site });
  window.optout = client;
  // Synchronously, before any tracker below this tag runs: the remembered choice applies to the first hit.
  applyNamedAdapters(client, script.dataset.adapters ?? '', script.dataset);
}
