// The client's first-party mirror of the last known state (the site's own localStorage), so `cached` answers synchronously.
import { mergeLayers } from '../shared/choice-layers.js';
import type { OptOutState } from '../shared/choice.js';
import { encodeMirror, parseMirror, type MirrorRecord } from '../shared/mirror-cookie.js';

/** One key per opt-out host, so two hosts on one site never mix their answers. */
export function mirrorKey(hostOrigin: string): string {
  return `optout-frame:${hostOrigin}`;
}

// Storage may be disabled, full, or throw SecurityError (sandboxed pages, blocked cookies):
// the mirror is a shortcut, never a reason to fail.
export function readMirror(key: string): MirrorRecord | undefined {
  try {
    return parseMirror(localStorage.getItem(key));
  } catch {
    return undefined;
  }
}

/** Remembers a state a frame just told, confirmed now. */
export function writeMirror(key: string, record: MirrorRecord): void {
  try {
    localStorage.setItem(key, encodeMirror(record));
  } catch {
    // See above: nothing to do when the site's storage is unavailable.
  }
}

/**
 * The merge rule seen from the page: the frame's state stands for its own layers (a stored
 * choice only when `reason` is `choice`), the mirror is the site's layer. `true` means the
 * mirror kept an opt-out the frame lost (cleared cookies, a new partition), to be written back
 * through the frame with an `opt-out` message. A mirrored opt-in, a default or GPC never is.
 */
export function mirrorRestoresOptOut(mirror: OptOutState | undefined, frame: OptOutState): boolean {
  const stored = (state: OptOutState | undefined) => (state?.reason === 'choice' ? state.optedOut : undefined);
  const merged = mergeLayers({ frame: { frame: stored(frame) }, mirror: stored(mirror) });
  return merged.choice === true && merged.stale.includes('frame');
}
