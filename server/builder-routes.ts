// GET /: the embed-code builder, pre-filled from its own query so the form also works without JavaScript.
import express, { type Request, type Router } from 'express';
import { shippedLanguages } from '../widget/shared/i18n/index.js';
import type { FrameAssets } from './assets.js';
import { renderBuilderPage } from './builder-page.js';
import { parseFrameParams } from '../widget/shared/frame-params.js';

/** The form's empty fields mean "the default", so they are dropped before strict validation. */
function filledFields(query: Request['query']): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
}

export function builderRoutes(assets: FrameAssets): Router {
  const router = express.Router();
  router.get('/', (req, res) => {
    const params = parseFrameParams(filledFields(req.query));
    res
      .set('Cache-Control', 'no-cache')
      .type('html')
      .send(
        renderBuilderPage({
          params,
          hostOrigin: `${req.protocol}://${req.get('host') ?? 'localhost'}`,
          languages: shippedLanguages,
          nonce: String(res.locals.cspNonce),
          builderScript: assets.builderScript,
        }),
      );
  });
  return router;
}
