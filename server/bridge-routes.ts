// GET /optout/bridge: the invisible document the client loads on pages that do not show the widget.
import { readFileSync } from 'node:fs';
import { constants } from 'node:zlib';
import type { IRouter, Request, Response } from 'express';
import type { FrameAssets } from './assets.js';
import { inlineScriptText, renderBridgePage } from './bridge-page.js';
import { sendDocument, type DocumentCache } from './document-cache.js';
import { visit } from './request-state.js';
import { documentPolicy, hashSource } from './header-rules.js';
import type { Profiles } from './site-profiles.js';

/** Adds the route to `router` (the host's app itself: no second dispatch per request). */
export function bridgeRoutes(router: IRouter, profiles: Profiles, assets: FrameAssets, publicDir: URL, documents: DocumentCache): void {
  // Read once: the page inlines it (see bridge-page.ts).
  const bridgeCode = readFileSync(new URL(`.${assets.bridgeScript}`, publicDir), 'utf8');
  // The one script the bridge runs is allowed by its hash; nothing else runs or loads.
  const scriptSrc = [hashSource(inlineScriptText(bridgeCode))];
  router.get('/optout/bridge', (req: Request, res: Response) => {
    // The choice is renewed here too: on pages without the widget the bridge is the visitor's only visit.
    const { profile, state } = visit(req, res, profiles);
    const config = profile.config;
    res.set('Cache-Control', 'private, no-cache').set('Vary', 'Cookie, Sec-GPC, Accept-Encoding');
    // The page depends on the profile and the state alone (nothing else in the query is read).
    const document = documents(`bridge ${profile.site ?? ''} ${state.optedOut} ${state.reason}`, () => {
      const boot = { cookieName: config.cookieName, defaultState: config.defaultState, state, allowedOrigins: config.allowedOrigins };
      // The profile's own policy (its origins only). Its few states bound the variants, whatever a
      // visitor sends: each is worth brotli's maximum, once.
      const csp = documentPolicy(config.allowedOrigins, { scriptSrc, formAction: ["'none'"] });
      return { html: renderBridgePage({ boot, bridgeCode }), csp, quality: constants.BROTLI_MAX_QUALITY };
    });
    sendDocument(req, res, document);
  });
}
