// The demo's tracker pages: one page per tracker, the real tracker libraries, and a stand-in collector.
import { readFile } from 'node:fs/promises';
import { Router, type RequestHandler } from 'express';

interface TrackerPage {
  readonly title: string;
  readonly lede: string;
  readonly note: string;
}

const sentToCollector = (name: string) =>
  `Hits go to this demo's stand-in collector under <code>/collect/${name}/</code>, which discards them.`;
const notOnNpm = "The tracker's own script cannot load in this demo: the switch above is what it reads before every hit.";

/** Each page is trackers/layout.html around trackers/<name>.head.html, the part a site owner pastes. */
const TRACKER_PAGES: Readonly<Record<string, TrackerPage>> = {
  plausible: {
    title: 'Plausible',
    lede: "Plausible's official npm tracker, @plausible-analytics/tracker, unmodified.",
    note: sentToCollector('plausible'),
  },
  umami: {
    title: 'Umami',
    lede: "Umami's tracker script, as published in the umami npm package, unmodified.",
    note: sentToCollector('umami'),
  },
  posthog: { title: 'PostHog', lede: "PostHog's browser library, posthog-js from npm, unmodified.", note: sentToCollector('posthog') },
  matomo: {
    title: 'Matomo',
    lede: "Matomo's tracking snippet; matomo.js itself is not published on npm, so this page shows the commands queued for it.",
    note: notOnNpm,
  },
  gtag: {
    title: 'Google Analytics',
    lede: "Google's gtag.js snippet; gtag.js itself is not published on npm, so this page shows the switches it reads.",
    note: notOnNpm,
  },
  fathom: {
    title: 'Fathom',
    lede: "Fathom's script is only served from Fathom's CDN, not npm, so this page shows the switch it reads.",
    note: notOnNpm,
  },
  mixpanel: {
    title: 'Mixpanel',
    lede: "Mixpanel's browser library, mixpanel-browser from npm, unmodified.",
    note: sentToCollector('mixpanel'),
  },
  amplitude: {
    title: 'Amplitude',
    lede: "Amplitude's browser SDK, @amplitude/analytics-browser from npm, unmodified.",
    note: sentToCollector('amplitude'),
  },
  segment: {
    title: 'Segment',
    lede: "Segment's analytics-next, @segment/analytics-next from npm, unmodified.",
    note: sentToCollector('segment'),
  },
  clarity: {
    title: 'Microsoft Clarity',
    lede: "Clarity's snippet; Clarity's script is only served from clarity.ms, so this page shows the consent calls queued for it.",
    note: notOnNpm,
  },
  meta: {
    title: 'Meta Pixel',
    lede: "Meta's pixel snippet; fbevents.js is only served by Meta, so this page shows the consent calls queued for it.",
    note: notOnNpm,
  },
  'no-switch': {
    title: 'A tool with no switch',
    lede: "A script with no opt-out of its own (the site's beacon here, Hotjar or Cloudflare Web Analytics elsewhere), loaded only while the visitor is opted in.",
    note: sentToCollector('beacon'),
  },
};

const root = new URL('../', import.meta.url);
const pagesDir = new URL('demo/trackers/', root);

/**
 * The real browser libraries, as published on npm. Umami's tracker is only published inside the
 * whole Umami server package, so its one file is kept in demo/trackers/vendor (see the README there).
 */
const trackerLibraries: Readonly<Record<string, URL>> = {
  'plausible.js': new URL('node_modules/@plausible-analytics/tracker/plausible.js', root),
  'posthog.js': new URL('node_modules/posthog-js/dist/array.no-external.js', root),
  'umami.js': new URL('vendor/umami-tracker-2.10.0.js', pagesDir),
  // The build Mixpanel's CDN serves to its snippet, the UMD builds of Amplitude's and Segment's SDKs.
  'mixpanel.js': new URL('node_modules/mixpanel-browser/dist/mixpanel.globals.js', root),
  'amplitude.js': new URL('node_modules/@amplitude/analytics-browser/lib/scripts/amplitude-min.umd.js', root),
  'segment.js': new URL('node_modules/@segment/analytics-next/dist/umd/index.js', root),
  'site-beacon.js': new URL('vendor/site-beacon.js', pagesDir),
};

/** Fills `{{key}}` placeholders; the values are the demo's own texts and files. */
function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => values[key] ?? '');
}

/**
 * `rewrite` points a page's pasted host URL at the real host (see server.ts). The collector
 * under /collect/<tracker>/ stands where the tracker's own server would be: it keeps nothing,
 * and the end-to-end tests watch the requests that reach it.
 */
export function trackerDemoRoutes(sendPage: (file: string) => RequestHandler, rewrite: (html: string) => string): Router {
  const router = Router();
  router.get('/trackers', sendPage('trackers/index.html'));
  router.get('/trackers/:name', async (req, res, next) => {
    const page = Object.hasOwn(TRACKER_PAGES, req.params.name) ? TRACKER_PAGES[req.params.name] : undefined;
    if (!page) return next();
    try {
      const [layout, head] = await Promise.all([
        readFile(new URL('layout.html', pagesDir), 'utf8'),
        readFile(new URL(`${req.params.name}.head.html`, pagesDir), 'utf8'),
      ]);
      res
        .set('Cache-Control', 'no-cache')
        .type('html')
        .send(rewrite(fill(layout, { ...page, head: head.trimEnd() })));
    } catch (error) {
      next(error);
    }
  });
  router.get('/trackers/vendor/:file', (req, res, next) => {
    const library = Object.hasOwn(trackerLibraries, req.params.file) ? trackerLibraries[req.params.file] : undefined;
    if (!library) return next();
    res.set('Cache-Control', 'no-cache').type('js').sendFile(library.pathname);
  });
  router.all('/collect/{*path}', (req, res) => {
    // Amplitude reads the code in the answer, and sends again without it.
    res.set('Cache-Control', 'no-store').json(req.path.startsWith('/collect/amplitude/') ? { code: 200 } : {});
  });
  return router;
}
