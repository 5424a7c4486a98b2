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
  const client = connectOptOut({ host: new URL('.', script.src).href });
  window.optout = client;
  // Synchronously, before any tracker below this tag runs: the remembered choice applies to the first hit.
  applyNamedAdapters(client, script.dataset.adapters ?? '', script.dataset);
}
