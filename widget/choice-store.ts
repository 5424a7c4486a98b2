// Reads and writes the visitor's choice from inside the frame (the host's partitioned cookie).
import { choiceCookie, parseChoice, readCookie } from './choice.js';

export interface ChoiceStore {
  /** The stored choice, or `undefined` when there is none (or storage is unreadable). */
  read(): boolean | undefined;
  /** Stores a choice; returns whether it could be stored. */
  write(optedOut: boolean): boolean;
}

/** The frame's cookie. Every storage API may throw in a third-party frame, so each call is guarded. */
export function cookieChoiceStore(doc: Document, name: string): ChoiceStore {
  const read = (): boolean | undefined => {
    try {
      return parseChoice(readCookie(doc.cookie, name));
    } catch {
      return undefined;
    }
  };
  return {
    read,
    write(optedOut) {
      try {
        doc.cookie = choiceCookie(name, optedOut);
      } catch {
        return false;
      }
      return read() === optedOut;
    },
  };
}
