// A first-party localStorage key that a tracker reads as its own "do not track me" switch.
import { keepInStep, type OptOutSource, type StopAdapter } from './keep-in-step.js';

/** Sets (`true`) or removes (`false`) a localStorage key; storage that throws is left alone. */
function setStorageFlag(key: string, value: string, on: boolean): void {
  let storage: Storage;
  try {
    // Reading `localStorage` itself throws where storage is blocked.
    storage = globalThis.localStorage;
  } catch {
    return;
  }
  if (!storage) return;
  try {
    if (on) storage.setItem(key, value);
    else storage.removeItem(key);
  } catch {
    // Quota exceeded or storage disabled: the tracker cannot read the key either.
  }
}

/** Keeps a tracker's localStorage "do not track me" key set while the visitor is opted out. */
export function keepStorageFlagInStep(source: OptOutSource, tracker: string, key: string, value: string): StopAdapter {
  return keepInStep(source, {
    tracker,
    optOut: () => setStorageFlag(key, value, true),
    optIn: () => setStorageFlag(key, value, false),
  });
}
