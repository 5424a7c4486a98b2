// Works out a request's opt-out state from its cookie and its Global Privacy Control header.
import type { Request } from 'express';
import { parseChoice, readCookie, resolveState, type OptOutState } from '../widget/shared/choice.js';
import type { HostConfig } from './config/index.js';

/** The visitor's stored choice, if the request carries one. */
export function requestChoice(req: Request, config: HostConfig): boolean | undefined {
  const header = req.get('cookie');
  return parseChoice(readCookie(header, config.cookieName)) ?? matomoIgnored(header);
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
    gpc: req.get('sec-gpc') === '1',
    defaultState: config.defaultState,
  });
}
