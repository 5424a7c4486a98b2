// GET /index.php: Matomo's two opt-out embed codes, answered by this host (the frame, and optOutJS's script), any other module or action a 404.
import { readFileSync } from 'node:fs';
import type { IRouter, RequestHandler } from 'express';
import { cacheControl } from './header-rules.js';
import { requestProfile, type Profiles } from './site-profiles.js';

/**
 * The few lines before client.js in optOutJS's answer. They read the script's own URL (so the
 * answer is the same for every query and cacheable), put an iframe to `optout` with the same
 * parameters into the element `divId` names, or, as Matomo's does, a visible warning naming it.
 * client.js after them then starts for the page and sizes the frame to its content.
 * Matomo's cookie options mean nothing to the frame (client.js reads `cookieDomain` itself).
 */
const PRELUDE = `(function () {
  var script = document.currentScript;
  if (!(script instanceof HTMLScriptElement) || !script.src) return;
  var url = new URL(script.src);
  var query = url.searchParams;
  var divId = query.get('divId') || 'matomo-opt-out';
  ['module', 'action', 'divId', 'useSecureCookies', 'cookiePath', 'cookieDomain', 'useCookiesIfNoTracker', 'useCookiesTimeout'].forEach(function (name) {
    query.delete(name);
  });
  var target = document.getElementById(divId);
  if (!target) {
    var warning = document.createElement('p');
    warning.id = divId + '-warning';
    warning.setAttribute('role', 'alert');
    warning.textContent = 'Unable to find opt-out content div: ' + divId;
    script.parentNode.insertBefore(warning, script.nextSibling);
    return;
  }
  var frame = document.createElement('iframe');
  frame.src = new URL('optout' + (query.toString() ? '?' + query.toString() : ''), url).href;
  frame.title = 'Analytics opt-out';
  frame.style.cssText = 'display:block;width:100%;height:9em;border:0';
  target.appendChild(frame);
})();
`;

/** Matomo's old address for both of its embed codes (docs/migrating-from-matomo.md); `frame` is `GET /optout`'s handler. */
export function matomoRoutes(router: IRouter, frame: RequestHandler, profiles: Profiles, publicDir: URL): void {
  // Read once: client.js is built before the host starts and never changes while it runs.
  let script: string | undefined;
  router.get('/index.php', (req, res, next) => {
    const { module, action } = req.query;
    if (module !== 'CoreAdminHome') return next();
    if (action === 'optOut') return frame(req, res, next);
    if (action !== 'optOutJS') return next();
    requestProfile(profiles, req.query);
    script ??= PRELUDE + readFileSync(new URL('client.js', publicDir), 'utf8');
    res.set('Cache-Control', cacheControl.clientScript).type('js').send(script);
  });
}
