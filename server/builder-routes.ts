// GET /: the embed-code builder, pre-filled from its own query so the form also works without JavaScript.
import express, { type Request, type Router } from 'express';
import { shippedLanguages, type Language } from '../widget/shared/i18n/index.js';
import type { FrameAssets } from './assets.js';
import { renderBuilderPage } from './builder-page.js';
import { parseFrameParams } from '../widget/shared/frame-params.js';
import { requestProfile, type Profiles } from './site-profiles.js';

/** The form's empty fields mean "the default", so they are dropped before strict validation. */
function filledFields(query: Request['query']): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
}

export function builderRoutes(profiles: Profiles, assets: FrameAssets): Router {
  const router = express.Router();
  const sites = [...profiles.sites.keys()];
  const titleOf = (site: string | undefined, language: Language) => (site === undefined ? profiles.top : (profiles.sites.get(site) ?? profiles.top)).texts(language).title;
  router.get('/', (req, res) => {
    const fields = filledFields(req.query);
    // An unknown site is a 400 naming it, as on the frame.
    const site = requestProfile(profiles, fields).site;
    const params = { ...parseFrameParams(fields), ...(site === undefined ? {} : { site }) };
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
          sites,
          titleOf,
        }),
      );
  });
  return router;
}
