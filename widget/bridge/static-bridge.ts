// Static export's bridge entry (/optout/bridge/index.html): works out the state in the browser, then runs the bridge.
import type { StaticConfig } from '../shared/static-config.js';
import { browserState, readStaticConfig, writeBoot } from '../frame/static-boot.js';

const config = readStaticConfig<StaticConfig>(document);
writeBoot(document, {
  cookieName: config.cookieName,
  defaultState: config.defaultState,
  allowedOrigins: config.allowedOrigins,
  state: browserState(window, config),
});
await import('./bridge.js');
