// GET /: the embed-code builder, pre-filled from its own query so the form also works without JavaScript; a bad parameter is a 400 naming it.
import type { IRouter, Request } from 'express';
import { shippedLanguages, type Language } from '../widget/shared/i18n/index.js';
import type { FrameAssets } from './assets.js';
import { builderOrigin, warnOnce } from './builder-origin.js';
import { renderBuilderPage } from './builder-page.js';
import { builderStyles } from './builder-styles.js';
import type { HostConfig } from './config/index.js';
import { sendDocument, type DocumentCache } from './document-cache.js';
import { parseFrameParams } from '../widget/shared/frame-params.js';
import { parseIntegrationParams } from '../widget/shared/integration-params.js';
import { hashSource, hostDirectives, policyText } from './header-rules.js';
import { requestProfile, type Profiles } from './site-profiles.js';

/** The form's empty fields mean "the default", so they are dropped before strict validation. */
function filledFields(query: Request['query']): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
}

export function builderRoutes(
  router: IRouter,
  config: HostConfig,
  profiles: Profiles,
  assets: FrameAssets,
  documents: DocumentCache,
): void {
  // The host-wide policy, plus the page's one inline style by its hash.
  const directives = hostDirectives(config.allowedOrigins);
  const csp = policyText({ ...directives, 'style-src': [...(directives['style-src'] ?? []), hashSource(builderStyles)] });
  const allSites = [...profiles.sites.keys()];
  // Hidden: a host serving many customers does not show each the others; the picker holds only the site the URL names.
  const sitesFor = (site: string | undefined) => (config.builderSites === 'listed' ? allSites : site === undefined ? [] : [site]);
  const warn = warnOnce();
  const titleOf = (site: string | undefined, language: Language) =>
    (site === undefined ? profiles.top : (profiles.sites.get(site) ?? profiles.top)).texts(language).title;
  router.get('/', (req, res) => {
    const fields = filledFields(req.query);
    // Pasted Matomo code (the builder's "I use Matomo's opt-out code today"), bounded as its textarea is.
    const matomoCode = typeof req.query.matomo === 'string' ? req.query.matomo.slice(0, 4000) : '';
    // An unknown site is a 400 naming it, as on the frame.
    const site = requestProfile(profiles, fields).site;
    const choices = { ...parseFrameParams(fields), ...parseIntegrationParams(fields), ...(site === undefined ? {} : { site }) };
    const hostOrigin = builderOrigin(req, warn);
    // The page depends on the Host header and, behind a proxy, X-Forwarded-Proto: no shared cache keeps it.
    res.set('Cache-Control', 'private, no-cache').set('Vary', 'Accept-Encoding');
    // The page shows the host's address as the browser reached it (the Host header), and the URL's options.
    const document = documents(`builder ${hostOrigin} ${req.originalUrl}`, () => ({
      html: renderBuilderPage({
        choices,
        hostOrigin,
        languages: shippedLanguages,
        builderScript: assets.builderScript,
        sites: sitesFor(site),
        titleOf,
        matomoCode,
      }),
      csp,
    }));
    sendDocument(req, res, document);
  });
}
