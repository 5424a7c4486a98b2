// The four engine configurations every scenario in e2e/engines runs in, and what each does with the frame's cookie.
import type { Engine } from './driver.js';
import { chromiumEngine } from './chromium.js';
import { firefoxEngine } from './firefox.js';
import { webkitEngine } from './webkit.js';

export type ConfigurationName = 'chromium' | 'firefox' | 'webkit' | 'webkit-itp';

export interface Configuration {
  readonly name: ConfigurationName;
  /**
   * What the browser does with the frame's `SameSite=None; Secure; Partitioned` cookie: Chromium
   * (CHIPS) and Firefox (Total Cookie Protection) keep it per top-level site; WebKitGTK with
   * third-party cookies blocked refuses it, so there only the frame's own localStorage keeps the choice.
   */
  readonly frameCookie: 'kept' | 'refused';
  /** The frame's own `localStorage`: partitioned and kept, or throwing (Chromium treats it as third-party storage). */
  readonly frameStorage: 'kept' | 'throws';
  /** The browser itself can send Global Privacy Control (Firefox's setting); only then do gpc-sent.spec.ts and server-side-gpc.spec.ts run. */
  readonly sendsGpc: boolean;
  create(): Engine;
}

export const configurations: readonly Configuration[] = [
  { name: 'chromium', frameCookie: 'kept', frameStorage: 'throws', sendsGpc: false, create: chromiumEngine },
  { name: 'firefox', frameCookie: 'kept', frameStorage: 'kept', sendsGpc: true, create: firefoxEngine },
  { name: 'webkit', frameCookie: 'refused', frameStorage: 'kept', sendsGpc: false, create: () => webkitEngine('webkit', { itp: false }) },
  {
    name: 'webkit-itp',
    frameCookie: 'refused',
    frameStorage: 'kept',
    sendsGpc: false,
    create: () => webkitEngine('webkit-itp', { itp: true }),
  },
];

export function configuration(name: ConfigurationName): Configuration {
  const found = configurations.find((c) => c.name === name);
  if (!found) throw new Error(`unknown engine configuration ${name}`);
  return found;
}
