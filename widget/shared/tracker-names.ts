// The builder's tracker names and the adapters' names where they differ: either is accepted where a person may type it.

/** Builder name (`trackers=`, a docs anchor) → adapter name (`data-adapters`), for the trackers whose two names differ. */
export const ADAPTER_OF_TRACKER = {
  'google-analytics': 'gtag',
  'microsoft-clarity': 'clarity',
  'meta-pixel': 'meta',
} as const;
