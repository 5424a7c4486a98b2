// Holding a tracker's first hit: resolves once the opt-out state is known, from the mirror or the frame (`optout.whenKnown()`, and `whenKnown(optout)` from the adapters).

/** What `whenKnown` needs from the client. */
export interface KnowableOptOut {
  readonly cached: boolean | undefined;
  isOptedOut(): Promise<boolean>;
}

/**
 * Resolves with "is the visitor opted out?" as soon as it is known: at once from the first-party
 * mirror, otherwise once the frame answers. When the frame cannot answer (host down, blocked)
 * it resolves `true`: an unknown visitor is not tracked. Start a tracker after it on first visits:
 * `if (!(await whenKnown(optout))) startTracker()`.
 */
export async function whenKnown(optout: KnowableOptOut): Promise<boolean> {
  if (optout.cached !== undefined) return optout.cached;
  try {
    return await optout.isOptedOut();
  } catch {
    return true;
  }
}
