// A visit's profile and opt-out state, from its site=, its cookie and its Global Privacy Control header; a stored choice is renewed.
import type { Request, Response } from 'express';
import { choiceCookie, cookieChoice, readCookie, resolveState, type OptOutState } from '../widget/shared/choice.js';
import { headerSendsGpc } from '../widget/shared/gpc.js';
import { requestProfile, type Profile, type Profiles } from './site-profiles.js';

/**
 * Matomo's classic opt-out kept its choice in `matomo_ignore` (older installs `piwik_ignore`) on
 * its own host, present meaning opted out: a host that takes over that name keeps those opt-outs.
 * Our own cookie, written by a later click, comes first.
 */
function matomoIgnored(header: string | undefined): true | undefined {
  return readCookie(header, 'matomo_ignore') !== undefined || readCookie(header, 'piwik_ignore') !== undefined ? true : undefined;
}

/** What the frame and the bridge answer from: the profile `site=` names, the stored choice (of several copies, an opt-out wins), the state shown. */
export function visit(req: Request, res: Response, profiles: Profiles): { profile: Profile; choice?: boolean; state: OptOutState } {
  const profile = requestProfile(profiles, req.query);
  const { cookieName, defaultState } = profile.config;
  const header = req.get('cookie');
  const choice = cookieChoice(header, cookieName) ?? matomoIgnored(header);
  // Renewed on every visit: browsers cap a cookie's lifetime at 400 days.
  if (choice !== undefined) res.append('Set-Cookie', choiceCookie(cookieName, choice));
  // Repeats arrive comma-joined (Node) or merged by a proxy: any 1 is the signal.
  return { profile, choice, state: resolveState({ choice, gpc: headerSendsGpc(req.get('sec-gpc')), defaultState }) };
}
