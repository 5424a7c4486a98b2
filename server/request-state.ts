// Works out a request's opt-out state from its cookie and its Global Privacy Control header.
import type { Request } from 'express';
import { parseChoice, readCookie, resolveState, type OptOutState } from '../widget/shared/choice.js';
import type { HostConfig } from './config/index.js';

/** The visitor's stored choice, if the request carries one. */
export function requestChoice(req: Request, config: HostConfig): boolean | undefined {
  return parseChoice(readCookie(req.get('cookie'), config.cookieName));
}

/** The state the page shows; `choice` when the caller has already read it (one cookie parse per request). */
export function requestState(req: Request, config: HostConfig, choice = requestChoice(req, config)): OptOutState {
  return resolveState({
    choice,
    gpc: req.get('sec-gpc') === '1',
    defaultState: config.defaultState,
  });
}
