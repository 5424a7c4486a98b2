// Works out a request's opt-out state from its cookie and its Global Privacy Control header.
import type { Request } from 'express';
import { cookieChoice, readCookie, resolveState, type OptOutState } from '../widget/shared/choice.js';
import { headerSendsGpc } from '../widget/shared/gpc.js';
import type { HostConfig } from './config/index.js';

/** The visitor's stored choice, if the request carries one (of several copies of the cookie, an opt-out wins). */
export function requestChoice(req: Request, config: HostConfig): boolean | undefined {
  const header = req.get('cookie');
  return cookieChoice(header, config.cookieName) ?? matomoIgnored(header);
}

/**
 * Matomo's classic opt-out kept its choice in `matomo_ignore` (older installs `piwik_ignore`) on
 * its own host, present meaning opted out: a host that takes over that name keeps those opt-outs.
 * Our own cookie, written by a later click, comes first.
 */
function matomoIgnored(header: string | undefined): true | undefined {
  return readCookie(header, 'matomo_ignore') !== undefined || readCookie(header, 'piwik_ignore') !== undefined ? true : undefined;
}

/** The state the page shows; `choice` when the caller has already read it (one cookie parse per request). */
export function requestState(req: Request, config: HostConfig, choice = requestChoice(req, config)): OptOutState {
  return resolveState({
    choice,
    // Repeats arrive comma-joined (Node) or merged by a proxy: any 1 is the signal.
    gpc: headerSendsGpc(req.get('sec-gpc')),
    defaultState: config.defaultState,
  });
}
