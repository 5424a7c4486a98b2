// The site's mirror of the state: the localStorage record and the `optout_state` cookie, the opt-out winning where they disagree.
import { mergeMirrors, type MirrorRecord } from '../shared/mirror-cookie.js';
import { readMirror, writeMirror } from './client-mirror.js';
import type { CookieMirror } from './cookie-mirror.js';
import { clearMatomoOptOut, readMatomoOptOut } from './matomo-consent.js';

export interface SiteMirror {
  /** The localStorage key (other tabs' writes to it are heard as `storage` events). */
  readonly key: string;
  /**
   * The two copies merged (`mergeMirrors`): the cookie is shared by every subdomain, so an opt-out
   * confirmed on www. wins over shop.'s own localStorage record on the next view; an opt-in
   * there over shop.'s opt-out only has the frame asked, as a sibling's forged cookie would.
   */
  read(): MirrorRecord | undefined;
  write(record: MirrorRecord): void;
}

/** `cookie` is absent with `data-mirror-cookie="off"` / `mirrorCookie: false`. */
export function openSiteMirror(key: string, cookie: CookieMirror | undefined): SiteMirror {
  return {
    key,
    // Matomo's own opt-out cookie, from before the switch, counts as one more record (matomo-consent.ts).
    read: () => mergeMirrors(mergeMirrors(readMirror(key), cookie?.read()), readMatomoOptOut()),
    write(record) {
      writeMirror(key, record);
      cookie?.write(record);
      if (!record.state.optedOut && record.state.reason === 'choice') clearMatomoOptOut();
    },
  };
}
