// Each state the frame tells the client: the first is checked against the mirror (the merge rule), then learned and answered.
import type { OptOutState } from '../shared/choice.js';
import { mirrorRestoresOptOut } from './site-mirror.js';
import type { KnownState } from './known-state.js';
import type { PendingRequests } from './pending-requests.js';

/** Hears a state from the frame: a `ready` or `change` (no id), or the answer to request `id`. */
export type FrameHearing = (state: OptOutState, id?: string) => void;

/**
 * An opt-out the frame lost (cleared cookies, storage blocked) is written back with `opt-out`, a
 * request any page may make, while a mirrored opt-in is never forced back. Until the restore
 * lands, no "opted in" reaches subscribers or callers, so trackers never start in between.
 */
export function frameHearing(known: KnownState, requests: PendingRequests): FrameHearing {
  let heardFrame = false;
  /** The mirror's opt-out being written back to a frame that lost it. */
  let restoring: Promise<OptOutState> | undefined;

  return (state, id) => {
    if (!heardFrame) {
      heardFrame = true;
      if (mirrorRestoresOptOut(known.mirrored, state)) {
        restoring = requests.request('opt-out').finally(() => {
          restoring = undefined;
        });
        restoring.catch(() => undefined);
      }
    }
    if (restoring && !state.optedOut) {
      // A frame that cannot answer the restore leaves the mirror's opt-out as the answer.
      if (id !== undefined) {
        restoring.then(
          (restored) => requests.settle(id, { state: restored }),
          () => requests.settle(id, { state: known.current ?? state }),
        );
      }
      return;
    }
    known.learn(state);
    if (id !== undefined) requests.settle(id, { state: known.current ?? state });
  };
}
