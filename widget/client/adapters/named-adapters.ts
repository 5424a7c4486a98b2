// Adapters by name, for `<script src=".../client.js" data-adapters="matomo,plausible">`.
import { ADAPTER_OF_TRACKER } from '../../shared/tracker-names.js';
import { amplitude } from './amplitude.js';
import { clarity } from './clarity.js';
import { fathom } from './fathom.js';
import { gtag } from './gtag.js';
import type { OptOutSource, StopAdapter } from './keep-in-step.js';
import { matomo } from './matomo.js';
import { meta } from './meta.js';
import { mixpanel } from './mixpanel.js';
import { plausible } from './plausible.js';
import { posthog } from './posthog.js';
import { segment } from './segment.js';
import { umami } from './umami.js';

/** The names `data-adapters` accepts. */
export const ADAPTER_NAMES = [
  'matomo',
  'plausible',
  'umami',
  'posthog',
  'gtag',
  'fathom',
  'mixpanel',
  'amplitude',
  'segment',
  'clarity',
  'meta',
] as const;
export type AdapterName = (typeof ADAPTER_NAMES)[number];

/** Options read from the script tag's data attributes (`dataset` keys). */
export type AdapterAttributes = Readonly<Record<string, string | undefined>>;

const byName: Record<AdapterName, (source: OptOutSource, attributes: AdapterAttributes) => StopAdapter> = {
  matomo: (source) => matomo(source),
  plausible: (source) => plausible(source),
  umami: (source) => umami(source),
  posthog: (source) => posthog(source),
  // data-ga-id="G-XXXXXXX" (several ids separated by commas); data-ga-ad-signals="on" grants the ad signals when opted in.
  gtag: (source, attributes) => gtag(source, { measurementId: attributes.gaId, adSignals: attributes.gaAdSignals === 'on' }),
  fathom: (source) => fathom(source),
  mixpanel: (source) => mixpanel(source),
  amplitude: (source) => amplitude(source),
  segment: (source) => segment(source),
  clarity: (source) => clarity(source),
  meta: (source) => meta(source),
};

/** An adapter's name, or the builder's name for the same tracker (`google-analytics` is `gtag`). */
function adapterName(name: string): string {
  return Object.hasOwn(ADAPTER_OF_TRACKER, name) ? ADAPTER_OF_TRACKER[name as keyof typeof ADAPTER_OF_TRACKER] : name;
}

function isAdapterName(name: string): name is AdapterName {
  return (ADAPTER_NAMES as readonly string[]).includes(name);
}

/**
 * Applies the adapters named in a comma- or space-separated list, each once, in the order given;
 * the builder's names (`google-analytics`, `microsoft-clarity`, `meta-pixel`) name the same adapters.
 * Unknown names are skipped with a console warning. Returns one function that stops them all.
 */
export function applyNamedAdapters(source: OptOutSource, names: string, attributes: AdapterAttributes = {}): StopAdapter {
  const stops: StopAdapter[] = [];
  const seen = new Set<string>();
  for (const raw of names.split(/[\s,]+/)) {
    const name = adapterName(raw.trim().toLowerCase());
    if (name === '' || seen.has(name)) continue;
    seen.add(name);
    if (!isAdapterName(name)) {
      console.warn(`optout-frame: unknown adapter "${raw}" ignored; known: ${ADAPTER_NAMES.join(', ')}`);
      continue;
    }
    stops.push(byName[name](source, attributes));
  }
  return () => {
    for (const stop of stops) stop();
  };
}
