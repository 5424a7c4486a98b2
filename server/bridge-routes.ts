// GET /optout/bridge: the invisible document the client loads on pages that do not show the widget.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import express, { type Request, type Response, type Router } from 'express';
import { choiceCookie } from '../widget/shared/choice.js';
import type { FrameAssets } from './assets.js';
import { inlineScriptText, renderBridgePage } from './bridge-page.js';
import { sendHtml } from './html-response.js';
import { requestChoice, requestState } from './request-state.js';
import { documentPolicy } from './security-headers.js';
import { requestProfile, type Profiles } from './site-profiles.js';

export function bridgeRoutes(profiles: Profiles, assets: FrameAssets, publicDir: URL): Router {
  const router = express.Router();
  // Read once: the page inlines it (see bridge-page.ts).
  const bridgeCode = readFileSync(new URL(`.${assets.bridgeScript}`, publicDir), 'utf8');
  // The one script the bridge runs is the same on every response, so the policy names its hash
  // rather than a nonce: the page has nothing per response and is compressed once (brotli).
  const scriptHash = createHash('sha256').update(inlineScriptText(bridgeCode)).digest('base64');
  // Each profile's own policy: its frame-ancestors are its origins only.
  const bridgePolicies = new Map(
    [profiles.top, ...profiles.sites.values()].map((profile) => [
      profile,
      documentPolicy(profile.config, { scriptSrc: [`'sha256-${scriptHash}'`], formAction: ["'none'"] }),
    ]),
  );
  router.get('/optout/bridge', (req: Request, res: Response) => {
    const profile = requestProfile(profiles, req.query);
    const config = profile.config;
    const choice = requestChoice(req, config);
    // Renewed here too: on pages without the widget the bridge is the visitor's only visit.
    if (choice !== undefined) res.append('Set-Cookie', choiceCookie(config.cookieName, choice));
    res
      .set('Cache-Control', 'private, no-cache')
      .vary('Cookie')
      .vary('Sec-GPC');
    bridgePolicies.get(profile)?.(req, res);
    sendHtml(
      req,
      res,
      renderBridgePage({
        boot: {
          cookieName: config.cookieName,
          defaultState: config.defaultState,
          state: requestState(req, config),
          allowedOrigins: config.allowedOrigins,
        },
        bridgeCode,
      }),
    );
  });
  return router;
}
