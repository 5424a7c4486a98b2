// Each tracker's own snippet as the builder writes it: its start held until the visitor's choice is known, where it needs that.
import type { Tracker } from './integration-params.js';
import { MIRROR_COOKIE } from './mirror-record.js';

/** What the builder knows about one tracker. */
export interface TrackerInfo {
  /** Its name for people. */
  readonly label: string;
  /** Its name in `data-adapters`. */
  readonly adapter: string;
  /**
   * Its snippet. `held`: the page has `window.optout` (client.js above), so the tracker's start
   * waits for `optout.whenKnown()`; otherwise it starts at once and reads what the client
   * recorded on an earlier page (its own switch, or for gtag the `optout_state` cookie).
   */
  snippet(held: boolean, gaId: string): string;
}

/** A classic script that runs `start` (statements, indented 4) once the choice is known, or at once. */
function startScript(held: boolean, before: string, start: string): string {
  const body = held ? `  optout.whenKnown().then(function () {\n${start}\n  });` : start.replace(/^ {2}/gm, '');
  return `<script>\n${before}${body}\n</script>`;
}

/** A script element made and appended when the tracker starts (its own script reads the switch as it loads). */
function loadScript(src: string, attributes: Readonly<Record<string, string>>): string {
  const lines = [`    var script = document.createElement('script');`, `    script.src = '${src}';`];
  for (const [name, value] of Object.entries(attributes)) lines.push(`    script.setAttribute('${name}', '${value}');`);
  lines.push('    document.head.appendChild(script);');
  return lines.join('\n');
}

const matomo: TrackerInfo = {
  label: 'Matomo',
  adapter: 'matomo',
  snippet: (held) =>
    `<!-- Matomo: your tracker's address and site id; the first page view waits for the visitor's choice -->\n` +
    startScript(
      held,
      [
        `  var _paq = window._paq = window._paq || [];`,
        `  _paq.push(['enableLinkTracking']);`,
        `  var matomoUrl = 'https://matomo.example.org/';`,
        `  _paq.push(['setTrackerUrl', matomoUrl + 'matomo.php']);`,
        `  _paq.push(['setSiteId', '1']);`,
        `  var matomoScript = document.createElement('script');`,
        `  matomoScript.async = true;`,
        `  matomoScript.src = matomoUrl + 'matomo.js';`,
        `  document.head.appendChild(matomoScript);`,
        '',
      ].join('\n'),
      `    _paq.push(['trackPageView']);`,
    ),
};

const plausible: TrackerInfo = {
  label: 'Plausible',
  adapter: 'plausible',
  snippet: (held) =>
    `<!-- Plausible: its official tracker from npm (@plausible-analytics/tracker); your site's domain, and your server for Plausible CE -->\n` +
    [
      `<script type="module">`,
      `  import { init } from 'https://cdn.jsdelivr.net/npm/@plausible-analytics/tracker@0.4.6/plausible.js';`,
      ...(held ? [`  await optout.whenKnown();`] : []),
      `  init({ domain: 'example.org', endpoint: 'https://plausible.io/api/event' });`,
      `</script>`,
    ].join('\n'),
};

const umami: TrackerInfo = {
  label: 'Umami',
  adapter: 'umami',
  snippet: (held) =>
    `<!-- Umami: your website id, and your server's script.js if you host Umami yourself -->\n` +
    startScript(held, '', loadScript('https://cloud.umami.is/script.js', { 'data-website-id': 'YOUR-WEBSITE-ID' })),
};

const posthog: TrackerInfo = {
  label: 'PostHog',
  adapter: 'posthog',
  snippet: (held) =>
    `<!-- PostHog: your project key and region; PostHog itself starts opted out until the client opts it in -->\n` +
    startScript(
      held,
      [
        `  var posthog = window.posthog = window.posthog || [];`,
        `  posthog._i = posthog._i || [];`,
        `  posthog.__SV = 1;`,
        `  ['capture', 'identify', 'opt_in_capturing', 'opt_out_capturing'].forEach(function (method) {`,
        `    posthog[method] = function () { posthog.push([method].concat([].slice.call(arguments))); };`,
        `  });`,
        '',
      ].join('\n'),
      [
        `    posthog._i.push(['phc_YOUR_PROJECT_KEY', { api_host: 'https://eu.i.posthog.com', opt_out_capturing_by_default: true }]);`,
        loadScript('https://eu-assets.i.posthog.com/static/array.js', {}),
      ].join('\n'),
    ),
};

const googleAnalytics: TrackerInfo = {
  label: 'Google Analytics',
  adapter: 'gtag',
  snippet: (held, gaId) =>
    (held
      ? `<!-- Google Analytics (gtag.js): the gtag adapter has sent consent mode's default; the config command waits for the choice -->\n`
      : `<!-- Google Analytics (gtag.js): GA's switch and consent mode's default from the optout_state cookie client.js wrote on the privacy page -->\n`) +
    startScript(
      held,
      [
        `  window.dataLayer = window.dataLayer || [];`,
        `  function gtag() { dataLayer.push(arguments); }`,
        // With the client, the adapter sends the default itself (and honours data-ga-ad-signals): a second one here would undo it.
        ...(held ? [] : cookieConsent(gaId)),
        '',
      ].join('\n'),
      [
        loadScript(`https://www.googletagmanager.com/gtag/js?id=${gaId}`, {}),
        `    gtag('js', new Date());`,
        `    gtag('config', '${gaId}');`,
      ].join('\n'),
    ),
};

/**
 * Without the client, what it would have done, from its `optout_state` cookie (read synchronously,
 * before `config`): `ga-disable-<ID>` is a window property, gone on the next page, and a default
 * nothing updates must already be the choice. A value starting with `1` is an opt-out (any of
 * several cookies: the opt-out wins); opted in or unknown, analytics granted, the ad signals denied.
 */
function cookieConsent(gaId: string): string[] {
  return [
    `  var gaOptedOut = /(?:^|;\\s*)${MIRROR_COOKIE}=1/.test(document.cookie);`,
    `  window['ga-disable-${gaId}'] = gaOptedOut;`,
    `  gtag('consent', 'default', { analytics_storage: gaOptedOut ? 'denied' : 'granted', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' });`,
  ];
}

const fathom: TrackerInfo = {
  label: 'Fathom',
  adapter: 'fathom',
  snippet: (held) =>
    `<!-- Fathom: your site id -->\n` +
    startScript(held, '', loadScript('https://cdn.usefathom.com/script.js', { 'data-site': 'YOUR-SITE-ID' })),
};

const mixpanel: TrackerInfo = {
  label: 'Mixpanel',
  adapter: 'mixpanel',
  snippet: (held) =>
    `<!-- Mixpanel: your project token; Mixpanel itself starts opted out until the client opts it in -->\n` +
    startScript(
      held,
      [
        `  var mixpanel = window.mixpanel = window.mixpanel || [];`,
        `  mixpanel._i = mixpanel._i || [];`,
        `  mixpanel.__SV = 1.2;`,
        `  ['track', 'track_pageview', 'identify', 'opt_in_tracking', 'opt_out_tracking'].forEach(function (method) {`,
        `    mixpanel[method] = function () { mixpanel.push([method].concat([].slice.call(arguments))); };`,
        `  });`,
        `  mixpanel._i.push(['YOUR-PROJECT-TOKEN', { opt_out_tracking_by_default: true }, 'mixpanel']);`,
        '',
      ].join('\n'),
      [`    mixpanel.track_pageview();`, loadScript('https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js', {})].join('\n'),
    ),
};

const amplitude: TrackerInfo = {
  label: 'Amplitude',
  adapter: 'amplitude',
  snippet: (held) =>
    `<!-- Amplitude: your API key; ${held ? "it starts with the visitor's choice as its optOut" : 'it keeps the optOut the client set'} -->\n` +
    `<script src="https://cdn.amplitude.com/libs/analytics-browser-2.48.1-min.js.gz"></script>\n` +
    (held
      ? `<script>\n  optout.whenKnown().then(function (optedOut) {\n    amplitude.init('YOUR-API-KEY', { optOut: optedOut });\n  });\n</script>`
      : `<script>\n  amplitude.init('YOUR-API-KEY');\n</script>`),
};

const segment: TrackerInfo = {
  label: 'Segment',
  adapter: 'segment',
  snippet: (held) =>
    `<!-- Segment: your write key; the adapter's source middleware drops every event while the visitor is opted out -->\n` +
    startScript(
      held,
      [
        `  var analytics = window.analytics = window.analytics || [];`,
        `  ['track', 'page', 'identify', 'addSourceMiddleware'].forEach(function (method) {`,
        `    analytics[method] = function () { analytics.push([method].concat([].slice.call(arguments))); };`,
        `  });`,
        `  analytics._writeKey = 'YOUR-WRITE-KEY';`,
        '',
      ].join('\n'),
      [`    analytics.page();`, loadScript('https://cdn.segment.com/analytics.js/v1/YOUR-WRITE-KEY/analytics.min.js', {})].join('\n'),
    ),
};

const clarity: TrackerInfo = {
  label: 'Microsoft Clarity',
  adapter: 'clarity',
  snippet: (held) =>
    `<!-- Microsoft Clarity: your project id; ${held ? 'the clarity adapter has queued its consent' : 'its consent from the optout_state cookie client.js wrote on the privacy page'} -->\n` +
    [
      `<script>`,
      `  window.clarity = window.clarity || function () { (clarity.q = clarity.q || []).push(arguments); };`,
      ...(held
        ? []
        : [
            `  var clarityConsent = /(?:^|;\\s*)${MIRROR_COOKIE}=1/.test(document.cookie) ? 'denied' : 'granted';`,
            `  clarity('consentv2', { ad_Storage: 'denied', analytics_Storage: clarityConsent });`,
          ]),
      `  var clarityScript = document.createElement('script');`,
      `  clarityScript.async = true;`,
      `  clarityScript.src = 'https://www.clarity.ms/tag/YOUR-PROJECT-ID';`,
      `  document.head.appendChild(clarityScript);`,
      `</script>`,
    ].join('\n'),
};

const metaPixel: TrackerInfo = {
  label: 'Meta Pixel',
  adapter: 'meta',
  snippet: (held) =>
    `<!-- Meta Pixel: your pixel id; revoked before init, the pixel holds its events until the visitor is known to be opted in -->\n` +
    [
      `<script>`,
      `  !function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};`,
      `  if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;`,
      `  t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');`,
      held
        ? `  fbq('consent', 'revoke');`
        : `  fbq('consent', /(?:^|;\\s*)${MIRROR_COOKIE}=1/.test(document.cookie) ? 'revoke' : 'grant');`,
      `  fbq('init', 'YOUR-PIXEL-ID');`,
      `  fbq('track', 'PageView');`,
      `</script>`,
    ].join('\n'),
};

export const TRACKER_INFO: Readonly<Record<Tracker, TrackerInfo>> = {
  matomo,
  plausible,
  umami,
  posthog,
  'google-analytics': googleAnalytics,
  fathom,
  mixpanel,
  amplitude,
  segment,
  'microsoft-clarity': clarity,
  'meta-pixel': metaPixel,
};

/** Where the code's placeholders stand for the site owner's own values (the GA id comes from the builder). */
export const GA_ID_PLACEHOLDER = 'G-XXXXXXXXXX';

/** The docs page on trackers; its headings `#matomo`, `#plausible`, … `#google-analytics`, `#fathom` are the trackers' anchors. */
const TRACKER_DOCS_URL = 'https://github.com/optout-frame/optout-frame/blob/main/docs/client.md';

/** The links under each block of code: the docs for each chosen tracker, or the client's docs when there is none. */
export function trackerDocs(trackers: readonly Tracker[]): { href: string; text: string }[] {
  if (trackers.length === 0) return [{ href: TRACKER_DOCS_URL, text: 'The client and trackers' }];
  return trackers.map((tracker) => ({ href: `${TRACKER_DOCS_URL}#${tracker}`, text: `${TRACKER_INFO[tracker].label} and optout-frame` }));
}
