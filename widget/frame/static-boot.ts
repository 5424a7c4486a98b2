// The static export's boot in the browser: reads the build-time configuration, works out the state, writes the boot.
import { BOOT_ELEMENT_ID, serializeBoot, type FrameBoot, type MessagingBoot } from '../shared/boot.js';
import type { OptOutState } from '../shared/choice.js';
import { STATIC_CONFIG_ELEMENT_ID, type StaticConfig } from '../shared/static-config.js';
import { openFrameChoice } from './choice-layers.js';

/** The configuration the export embedded in this page. */
export function readStaticConfig<Config extends StaticConfig>(doc: Document): Config {
  const text = doc.getElementById(STATIC_CONFIG_ELEMENT_ID)?.textContent;
  if (!text) throw new Error('optout-frame: static configuration missing from the document');
  return JSON.parse(text) as Config;
}

/** The state from the browser's own layers (cookie, frame storage, GPC), as the host would have rendered it. */
export function browserState(win: Window, config: StaticConfig): OptOutState {
  const unknown: OptOutState = { optedOut: config.defaultState === 'out', reason: 'default' };
  return openFrameChoice(win, { ...config, state: unknown }).state;
}

/** Writes the boot the frame or bridge script reads, exactly as the host would have embedded it. */
export function writeBoot(doc: Document, boot: MessagingBoot | FrameBoot): void {
  let element = doc.getElementById(BOOT_ELEMENT_ID);
  if (!element) {
    element = doc.createElement('script');
    element.id = BOOT_ELEMENT_ID;
    element.setAttribute('type', 'application/json');
    doc.body.append(element);
  }
  element.textContent = serializeBoot(boot);
}
