// `optout-frame/adapters`: one adapter per tracker, each keeping that tracker's own opt-out switch in step.
export { keepInStep, type OptOutSource, type StopAdapter, type TrackerSwitch } from './keep-in-step.js';
export { whenKnown, type KnowableOptOut } from '../when-known.js';
export { matomo, type MatomoCommand } from './matomo.js';
export { plausible, PLAUSIBLE_IGNORE_KEY } from './plausible.js';
export { umami, UMAMI_DISABLED_KEY } from './umami.js';
export { posthog, type PostHogAdapterOptions, type PostHogLike } from './posthog.js';
export { gtag, type GtagAdapterOptions } from './gtag.js';
export { fathom, FATHOM_BLOCK_KEY } from './fathom.js';
export { mixpanel, type MixpanelAdapterOptions, type MixpanelLike } from './mixpanel.js';
export { amplitude, type AmplitudeAdapterOptions, type AmplitudeLike } from './amplitude.js';
export {
  segment,
  type SegmentAdapterOptions,
  type SegmentLike,
  type SegmentMiddlewareParams,
  type SegmentSourceMiddleware,
} from './segment.js';
export { clarity, type ClarityAdapterOptions } from './clarity.js';
export { meta } from './meta.js';
export { optedInScripts, OPTED_IN_SRC_ATTRIBUTE } from './opted-in-scripts.js';
export { applyNamedAdapters, ADAPTER_NAMES, type AdapterName } from './named-adapters.js';
