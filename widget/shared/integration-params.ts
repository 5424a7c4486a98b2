// The builder's integration choices (trackers, GA measurement id, cookie domain, client on every page) read from a query.
import { ParamError } from './frame-params.js';
import { isCookieDomain } from './mirror-record.js';
import { ADAPTER_OF_TRACKER } from './tracker-names.js';

/** The trackers the builder writes code for, by their `trackers=` names (also their docs anchors). */
export const TRACKERS = [
  'matomo',
  'plausible',
  'umami',
  'posthog',
  'google-analytics',
  'fathom',
  'mixpanel',
  'amplitude',
  'segment',
  'microsoft-clarity',
  'meta-pixel',
] as const;
export type Tracker = (typeof TRACKERS)[number];

export interface IntegrationParams {
  /** The trackers on the site, in the builder's order; empty = none. */
  readonly trackers: readonly Tracker[];
  /** Google Analytics' measurement id (`G-…`); undefined = not given yet (the code shows a placeholder). */
  readonly gaId: string | undefined;
  /** `data-cookie-domain` for the `optout_state` mirror: `auto` (the client's default), `none`, or a domain. */
  readonly cookieDomain: string;
  /** Whether pages without the widget load `client.js` (true unless `everyPage=0`). */
  readonly everyPage: boolean;
}

const TRACKERS_ACCEPTS = `a comma-separated list of ${TRACKERS.join(', ')} (or none)`;
// gtag.js ids: G- (GA4) and the tag ids of Google's other products that gtag.js also takes.
const GA_ID = /^(G|GT|AW|DC)-[A-Z0-9]{4,20}$/;

type Query = Readonly<Record<string, unknown>>;

/** A tracker's builder name, also from its adapter's name (`gtag` is `google-analytics`), as a person may type either. */
function trackerName(name: string): string {
  const builderName = Object.entries(ADAPTER_OF_TRACKER).find(([, adapter]) => adapter === name)?.[0];
  return builderName ?? name;
}

/** `trackers=` as the form sends it (repeated, one per checkbox) or as an address holds it (comma-separated). */
function trackerList(value: unknown): Tracker[] {
  if (value === undefined) return [];
  const parts =
    typeof value === 'string'
      ? [value]
      : Array.isArray(value) && value.every((part) => typeof part === 'string')
        ? (value as string[])
        : undefined;
  if (!parts) throw new ParamError('trackers', TRACKERS_ACCEPTS);
  const names = parts
    .flatMap((part) => part.split(','))
    .map((name) => trackerName(name.trim().toLowerCase()))
    .filter((name) => name !== '');
  if (names.length === 1 && names[0] === 'none') return [];
  for (const name of names) {
    if (!(TRACKERS as readonly string[]).includes(name)) throw new ParamError('trackers', TRACKERS_ACCEPTS);
  }
  // The builder's order, each once, whatever order the address gave.
  return TRACKERS.filter((tracker) => names.includes(tracker));
}

function single(query: Query, name: string, accepts: string): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 253) throw new ParamError(name, accepts);
  return value.trim();
}

/** Validates the builder's own parameters; the first invalid one throws `ParamError` naming it. */
export function parseIntegrationParams(query: Query): IntegrationParams {
  const gaAccepts = 'a Google Analytics measurement id such as G-XXXXXXXXXX';
  const gaId = single(query, 'gaId', gaAccepts)?.toUpperCase();
  if (gaId !== undefined && !GA_ID.test(gaId)) throw new ParamError('gaId', gaAccepts);
  const domainAccepts = 'auto, none, or a domain such as example.org';
  const cookieDomain = single(query, 'cookieDomain', domainAccepts)?.toLowerCase() ?? 'auto';
  if (!isCookieDomain(cookieDomain)) throw new ParamError('cookieDomain', domainAccepts);
  const everyPage = single(query, 'everyPage', '0 or 1');
  if (everyPage !== undefined && everyPage !== '0' && everyPage !== '1') throw new ParamError('everyPage', '0 or 1');
  return { trackers: trackerList(query.trackers), gaId, cookieDomain, everyPage: everyPage !== '0' };
}

/** The builder's own parameters as they go in its address, naming only what differs from the defaults. */
export function integrationQuery(params: IntegrationParams): [string, string][] {
  const entries: [string, string][] = [];
  if (params.trackers.length > 0) entries.push(['trackers', params.trackers.join(',')]);
  if (params.gaId !== undefined && params.trackers.includes('google-analytics')) entries.push(['gaId', params.gaId]);
  if (params.cookieDomain !== 'auto') entries.push(['cookieDomain', params.cookieDomain]);
  if (!params.everyPage) entries.push(['everyPage', '0']);
  return entries;
}
