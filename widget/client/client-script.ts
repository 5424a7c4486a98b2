// The classic-script build of the client (GET /client.js): defines `window.optout`, connected to the host it was loaded from.
import { connectOptOut, OptOutError, type OptOutClient } from './client.js';
import { applyNamedAdapters } from './adapters/named-adapters.js';
import { optedInScripts } from './adapters/opted-in-scripts.js';
import { isCookieDomain } from '../shared/mirror-record.js';
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

/** `data-cookie-domain` (`auto`, `none` or a domain); a bad value is named on the console and `auto` used. */
function cookieDomainOf(tag: HTMLScriptElement): string {
  const given = tag.dataset.cookieDomain ?? 'auto';
  if (isCookieDomain(given)) return given;
  console.warn(`optout-frame: data-cookie-domain must be "auto", "none" or a domain name, got "${given}"; using auto`);
  return 'auto';
}

const script = document.currentScript;
// Included twice, it keeps one connection (one bridge, one set of listeners).
if (script instanceof HTMLScriptElement && script.src && !window.optout) {
  // The host is the origin this script came from (client.js is at the host's root).
  // The profile: `data-site`, or `site=` on the script's own URL (as the host's builder writes it).
  const site = script.dataset.site || new URL(script.src).searchParams.get('site') || undefined;
  const client = connectOrRefuse(script, site);
  window.optout = client;
  // Synchronously, before any tracker below this tag runs: the remembered choice applies to the first hit.
  applyNamedAdapters(client, script.dataset.adapters ?? '', script.dataset);
  // Tools with no switch: their <script type="text/plain" data-optout-src> tags load only while opted in.
  optedInScripts(client);
}

/**
 * The client, or for a malformed `data-site` one that is named on the console and answers
 * "opted out" (reason `default`, never a choice): a typo in the tag must not leave the page
 * without `window.optout` and its trackers unguarded.
 */
function connectOrRefuse(tag: HTMLScriptElement, site: string | undefined): OptOutClient {
  try {
    return connectOptOut({
      host: new URL('.', tag.src).href,
      site,
      maxAge: maxAgeOf(tag),
      cookieDomain: cookieDomainOf(tag),
      mirrorCookie: tag.dataset.mirrorCookie !== 'off',
    });
  } catch (error) {
    console.error(
      `${error instanceof Error ? error.message : String(error)} (data-site on the client.js tag); treating the visitor as opted out`,
    );
    return refusingClient(error instanceof OptOutError ? error : new OptOutError('INVALID_SITE', String(error)));
  }
}

/** Answers every question "opted out" and every request with the configuration error. */
function refusingClient(error: OptOutError): OptOutClient {
  const state = Object.freeze({ optedOut: true, reason: 'default' as const });
  return {
    cached: true,
    isOptedOut: () => Promise.reject(error),
    whenKnown: () => Promise.resolve(true),
    optOut: () => Promise.reject(error),
    subscribe: (fn) => {
      fn(state);
      return () => undefined;
    },
    destroy: () => undefined,
  };
}
