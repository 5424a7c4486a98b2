// GET /optout renders the frame; POST /optout is the no-JavaScript fallback that stores a choice.
import express, { type IRouter, type Request, type Response } from 'express';
import { choiceCookie } from '../widget/shared/choice.js';
import { negotiateLanguage } from '../widget/shared/i18n/index.js';
import type { FrameAssets } from './assets.js';
import type { HostConfig } from './config/index.js';
import { sendDocument, type DocumentCache } from './document-cache.js';
import { renderFramePage } from './frame-page.js';
import { parseFrameParams, ParamError } from '../widget/shared/frame-params.js';
import { visit } from './request-state.js';
import { documentPolicy, hashSource } from './header-rules.js';
import { noStore } from './security-headers.js';
import { requestProfile, type Profiles } from './site-profiles.js';
import { hostUnderDomain, siteStateCookie } from './site-state-cookie.js';

/**
 * Added by `POST /optout` to its redirect: "a cookie was just set". If the GET that follows
 * comes without the cookie, the browser keeps nothing for this host, which is the one case a
 * server can detect; it is never part of an embed's URL.
 */
const STORED_MARK = 'stored';

/** The query string of a request, `?…` or empty, so the form and redirect keep the options. */
function queryString(req: Request, extra?: Readonly<Record<string, string>>): string {
  const index = req.originalUrl.indexOf('?');
  if (index < 0 && !extra) return '';
  const query = new URLSearchParams(index < 0 ? '' : req.originalUrl.slice(index + 1));
  query.delete(STORED_MARK);
  for (const [name, value] of Object.entries(extra ?? {})) query.set(name, value);
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * A form post must come from the frame itself. Browsers send `Sec-Fetch-Site`; older ones
 * send only `Origin`, which must then be this host. Without either, it is not a browser form.
 */
function isSameOriginPost(req: Request): boolean {
  const site = req.get('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin';
  const origin = req.get('origin');
  return origin !== undefined && origin === `${req.protocol}://${req.get('host')}`;
}

/** `Prefer: return=minimal` (RFC 7240), as the frame's script sends it (widget/frame/host-choice.ts). */
function prefersNoContent(req: Request): boolean {
  return (req.get('prefer') ?? '').split(/[,;]/).some((preference) => preference.trim() === 'return=minimal');
}

/** Adds the routes; returns the frame's handler, which Matomo's old address answers with too (matomo-routes.ts). */
export function optOutRoutes(
  router: IRouter,
  config: HostConfig,
  profiles: Profiles,
  assets: FrameAssets,
  documents: DocumentCache,
): (req: Request, res: Response) => void {
  const frame = (req: Request, res: Response) => {
    const query = req.query;
    const { profile, choice, state } = visit(req, res, profiles);
    const profileConfig = profile.config;
    const cookieRefused = choice === undefined && query[STORED_MARK] !== undefined;
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('Vary', 'Cookie, Accept-Language, Sec-GPC, Accept-Encoding');
    // Every input of the page, as the request carries it: a repeat answer parses neither the
    // parameters nor Accept-Language (the same URL passed the parameters' checks when first rendered).
    const acceptLanguage = req.headers['accept-language'] ?? '';
    const key = `frame ${profile.site ?? ''} ${state.optedOut} ${state.reason} ${cookieRefused} ${acceptLanguage} ${req.originalUrl}`;
    const document = documents(key, () => {
      // The site's theming defaults, under the request's own parameters (the top level has none).
      const params = parseFrameParams(profile.site === undefined ? query : { ...profile.theme, ...query });
      const language = negotiateLanguage(params.lang, acceptLanguage);
      const page = renderFramePage({
        state,
        language: { ...language, texts: profile.texts(language) },
        params,
        assets,
        formAction: `/optout${queryString(req)}`,
        cookieName: profileConfig.cookieName,
        defaultState: profileConfig.defaultState,
        cookieRefused,
        allowedOrigins: profileConfig.allowedOrigins,
      });
      // The frame loads its own module script; inline, only its style and first-paint script, by hash.
      const scriptSrc = ["'self'", ...(page.script ? [hashSource(page.script)] : [])];
      // The profile's own policy: its frame-ancestors are its origins only.
      return {
        html: page.html,
        csp: documentPolicy(profileConfig.allowedOrigins, {
          scriptSrc,
          styleSrc: [hashSource(page.style)],
          formAction: ["'self'"],
          connectSrc: ["'self'"],
        }),
      };
    });
    sendDocument(req, res, document);
  };
  router.get('/optout', frame);

  // Another site's form (CSRF) is refused before its body is even read.
  const refuseCrossSite: express.RequestHandler = (req, res, next) => {
    if (isSameOriginPost(req)) next();
    else noStore(res).status(403).type('text').send('Forbidden: the opt-out form only accepts posts from the frame itself.');
  };
  router.post(
    '/optout',
    refuseCrossSite,
    express.urlencoded({ extended: false, limit: '2kb', parameterLimit: 10 }),
    storeChoice(config, profiles),
  );
  return frame;
}

/** POST /optout, once the post is known to come from the frame: stores the choice by `Set-Cookie`, then answers the form (303) or the frame's script (204). */
function storeChoice(config: HostConfig, profiles: Profiles): express.RequestHandler {
  return (req, res) => {
    noStore(res);
    const body: Record<string, unknown> = req.body ?? {};
    // The form came from the frame itself (above); its profile must exist, as for the GET it returns to.
    requestProfile(profiles, req.query);
    const wanted = body.optedOut;
    if (wanted !== '1' && wanted !== '0') throw new ParamError('optedOut', '1 (opt out) or 0 (opt in)');
    res.append('Set-Cookie', choiceCookie(config.cookieName, wanted === '1'));
    // A host on the site's own domain also keeps the site's optout_state, set by this answer.
    const domain = config.siteCookieDomain;
    if (domain !== undefined && hostUnderDomain(req.hostname, domain)) res.append('Set-Cookie', siteStateCookie(domain, wanted === '1'));
    // The frame's script stores a click this way too, asking for no body: its answer is only the cookie.
    if (prefersNoContent(req)) res.status(204).end();
    else res.redirect(303, `/optout${queryString(req, { [STORED_MARK]: wanted })}`);
  };
}
