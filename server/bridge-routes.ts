// GET /optout/bridge: the invisible document the client loads on pages that do not show the widget.
import express, { type Request, type Response, type Router } from 'express';
import { choiceCookie } from '../widget/choice.js';
import type { FrameAssets } from './assets.js';
import { renderBridgePage } from './bridge-page.js';
import type { HostConfig } from './config.js';
import { requestChoice, requestState } from './request-state.js';

export function bridgeRoutes(config: HostConfig, assets: FrameAssets): Router {
  const router = express.Router();
  router.get('/optout/bridge', (req: Request, res: Response) => {
    const choice = requestChoice(req, config);
    // Renewed here too: on pages without the widget the bridge is the visitor's only visit.
    if (choice !== undefined) res.append('Set-Cookie', choiceCookie(config.cookieName, choice));
    res
      .set('Cache-Control', 'private, no-cache')
      .vary('Cookie')
      .vary('Sec-GPC')
      .type('html')
      .send(
        renderBridgePage({
          boot: {
            cookieName: config.cookieName,
            defaultState: config.defaultState,
            state: requestState(req, config),
            allowedOrigins: config.allowedOrigins,
          },
          bridgeScript: assets.bridgeScript,
        }),
      );
  });
  return router;
}
