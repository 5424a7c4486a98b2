// Works out a request's opt-out state from its cookie and its Global Privacy Control header.
import type { Request } from 'express';
import { cookieChoice, resolveState, type OptOutState } from '../widget/shared/choice.js';
import { headerSendsGpc } from '../widget/shared/gpc.js';
import type { HostConfig } from './config/index.js';

/** The visitor's stored choice, if the request carries one (of several copies of the cookie, an opt-out wins). */
export function requestChoice(req: Request, config: HostConfig): boolean | undefined {
  return cookieChoice(req.get('cookie'), config.cookieName);
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
