// GET /optout/bridge: the invisible document the client loads on pages that do not show the widget.
import { readFileSync } from 'node:fs';
import express, { type Request, type Response, type Router } from 'express';
import { choiceCookie } from '../widget/shared/choice.js';
import type { FrameAssets } from './assets.js';
import { inlineScriptText, renderBridgePage } from './bridge-page.js';
import type { HostConfig } from './config.js';
import { documentCache, sendDocument } from './document-cache.js';
import { requestChoice, requestState } from './request-state.js';
import { documentPolicy, hashSource } from './security-headers.js';

export function bridgeRoutes(config: HostConfig, assets: FrameAssets, publicDir: URL): Router {
  const router = express.Router();
  // Read once: the page inlines it (see bridge-page.ts).
  const bridgeCode = readFileSync(new URL(`.${assets.bridgeScript}`, publicDir), 'utf8');
  // The one script the bridge runs is allowed by its hash; nothing else runs or loads.
  const csp = documentPolicy(config, { scriptSrc: [hashSource(inlineScriptText(bridgeCode))], formAction: ["'none'"] });
  const documents = documentCache();
  router.get('/optout/bridge', (req: Request, res: Response) => {
    const choice = requestChoice(req, config);
    // Renewed here too: on pages without the widget the bridge is the visitor's only visit.
    if (choice !== undefined) res.append('Set-Cookie', choiceCookie(config.cookieName, choice));
    res.set('Cache-Control', 'private, no-cache').set('Vary', 'Cookie, Sec-GPC, Accept-Encoding');
    const state = requestState(req, config, choice);
    // The page depends on the state alone (the URL's query is not read).
    const document = documents(`${state.optedOut} ${state.reason}`, () => {
      const boot = { cookieName: config.cookieName, defaultState: config.defaultState, state, allowedOrigins: config.allowedOrigins };
      return { html: renderBridgePage({ boot, bridgeCode }), csp };
    });
    sendDocument(req, res, document);
  });
  return router;
}
