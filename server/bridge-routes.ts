// GET /optout/bridge: the invisible document the client loads on pages that do not show the widget.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import express, { type Request, type Response, type Router } from 'express';
import { choiceCookie } from '../widget/shared/choice.js';
import type { FrameAssets } from './assets.js';
import { inlineScriptText, renderBridgePage } from './bridge-page.js';
import type { HostConfig } from './config.js';
import { sendHtml } from './html-response.js';
import { requestChoice, requestState } from './request-state.js';
import { documentPolicy } from './security-headers.js';

export function bridgeRoutes(config: HostConfig, assets: FrameAssets, publicDir: URL): Router {
  const router = express.Router();
  // Read once: the page inlines it (see bridge-page.ts).
  const bridgeCode = readFileSync(new URL(`.${assets.bridgeScript}`, publicDir), 'utf8');
  // The one script the bridge runs is the same on every response, so the policy names its hash
  // rather than a nonce: the page has nothing per response and is compressed once (brotli).
  const scriptHash = createHash('sha256').update(inlineScriptText(bridgeCode)).digest('base64');
  const bridgePolicy = documentPolicy(config, { scriptSrc: [`'sha256-${scriptHash}'`], formAction: ["'none'"] });
  router.get('/optout/bridge', (req: Request, res: Response) => {
    const choice = requestChoice(req, config);
    // Renewed here too: on pages without the widget the bridge is the visitor's only visit.
    if (choice !== undefined) res.append('Set-Cookie', choiceCookie(config.cookieName, choice));
    res
      .set('Cache-Control', 'private, no-cache')
      .vary('Cookie')
      .vary('Sec-GPC');
    bridgePolicy(req, res);
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
