// The merge rule for the places a choice is kept: an opt-out found in any layer wins; an opt-in needs the visitor's click.

/** What one layer holds: `true` opted out, `false` opted in, `undefined` nothing (or unreadable). */
export type StoredChoice = boolean | undefined;

export interface LayerStates<Name extends string> {
  /**
   * The frame's own layers (the host's cookie, the frame's storage). Only the frame writes
   * them, and only on the visitor's click or an opt-out, so an opt-in found there is real.
   */
  readonly frame: Readonly<Record<Name, StoredChoice>>;
  /**
   * The site's first-party mirror, kept by the client. Scripts on the site can write it, and
   * a page may never opt a visitor in, so only an opt-out found there counts.
   */
  readonly mirror?: StoredChoice;
}

export interface MergedChoice<Name extends string> {
  /** The visitor's choice once every layer is heard, or `undefined` when there is none. */
  readonly choice: StoredChoice;
  /** The layers that do not hold `choice` yet and should be written back. */
  readonly stale: readonly (Name | 'mirror')[];
}

/**
 * Merges what the layers hold, in this order:
 * 1. an opt-out in any of the frame's layers wins;
 * 2. else an opt-in in the frame's layers (the visitor clicked for it);
 * 3. else an opt-out in the mirror, which restores a choice the frame lost (cleared cookies);
 * 4. else no choice: an opt-in in the mirror alone is not forced back.
 *
 * Rule 2 comes before the mirror's opt-out on purpose: the mirror only learns what the frame
 * said, so a frame that holds an opt-in while the mirror holds an opt-out means the visitor
 * opted back in on a page without the client (the privacy page of a site that pastes only the
 * `<iframe>`); letting the stale mirror win would make opting back in impossible.
 */
export function mergeLayers<Name extends string>(layers: LayerStates<Name>): MergedChoice<Name> {
  const frameValues = Object.values<StoredChoice>(layers.frame);
  let choice: StoredChoice;
  if (frameValues.includes(true)) choice = true;
  else if (frameValues.includes(false)) choice = false;
  else if (layers.mirror === true) choice = true;
  if (choice === undefined) return { choice, stale: [] };

  const stale: (Name | 'mirror')[] = (Object.keys(layers.frame) as Name[]).filter((name) => layers.frame[name] !== choice);
  if ('mirror' in layers && layers.mirror !== choice) stale.push('mirror');
  return { choice, stale };
}
