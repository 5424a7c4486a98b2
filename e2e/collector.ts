// e2e fixture: the trackers' stand-in collector (/collect/<tracker>/ on the demo), watched from the browser side.
import type { Page } from '@playwright/test';

export interface CollectedHit {
  readonly tracker: string;
  /** The events the request carries: `pageview`, `$pageview`, a custom event's name, … */
  readonly events: readonly string[];
}

export interface Collector {
  /** Every event sent to the collector for `tracker`, in the order the requests were made. */
  events(tracker: string): string[];
  /** Every request to the collector, of any tracker. */
  readonly hits: readonly CollectedHit[];
  clear(): void;
}

/** Mixpanel's body: `data=` followed by its JSON, URL-encoded or base64. */
function mixpanelData(body: string): string {
  const data = new URLSearchParams(body).get('data') ?? '';
  return data.trimStart().startsWith('{') || data.trimStart().startsWith('[') ? data : Buffer.from(data, 'base64').toString('utf8');
}

/** The event names in a tracker's request body (Plausible, Umami, PostHog, Mixpanel, Amplitude, Segment and the beacon formats). */
export function eventNames(tracker: string, body: string | null): string[] {
  let data: unknown;
  try {
    data = JSON.parse(tracker === 'mixpanel' ? mixpanelData(body ?? '') : (body ?? ''));
  } catch {
    return ['(unreadable)'];
  }
  const record = (data ?? {}) as Record<string, unknown>;
  switch (tracker) {
    case 'plausible':
    case 'beacon':
      return [String(record.n)];
    case 'mixpanel':
      return (Array.isArray(data) ? data : [data]).map((event) => String((event as Record<string, unknown>).event));
    case 'amplitude':
      return (Array.isArray(record.events) ? record.events : []).map((event) => String((event as Record<string, unknown>).event_type));
    case 'segment':
      return [record.type === 'track' ? String(record.event) : String(record.type)];
    case 'umami': {
      const payload = (record.payload ?? {}) as Record<string, unknown>;
      return [typeof payload.name === 'string' ? payload.name : 'pageview'];
    }
    case 'posthog': {
      const batch = Array.isArray(record.batch) ? record.batch : Array.isArray(data) ? data : [data];
      return batch.map((event) => String((event as Record<string, unknown>).event));
    }
    default:
      return ['(unknown tracker)'];
  }
}

/**
 * Answers every request to /collect/** on the page's origin as the trackers' servers would
 * (`200 {}`) and records it. Chromium issues a page's requests in the order its scripts make
 * them, so "the hits so far equal [a, b]" also says nothing was sent in between.
 */
export async function watchCollector(page: Page): Promise<Collector> {
  const hits: CollectedHit[] = [];
  await page.route('**/collect/**', async (route) => {
    const request = route.request();
    const tracker = new URL(request.url()).pathname.split('/')[2] ?? '';
    // Preflights and PostHog's configuration reads are not hits.
    if (request.method() === 'POST') hits.push({ tracker, events: eventNames(tracker, request.postData()) });
    // Amplitude reads the code in the answer, and sends again without it.
    await route.fulfill({ status: 200, contentType: 'application/json', body: tracker === 'amplitude' ? '{"code":200}' : '{}' });
  });
  return {
    hits,
    events: (tracker) => hits.filter((hit) => hit.tracker === tracker).flatMap((hit) => hit.events),
    clear: () => void hits.splice(0),
  };
}

/**
 * Plausible's and PostHog's libraries drop hits from automated browsers (`navigator.webdriver`,
 * "HeadlessChrome" in the user agent), so the tests present the browser as a person's.
 */
export const personBrowser = {
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36',
  initScript: "Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false });",
} as const;
