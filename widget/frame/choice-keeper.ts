// The frame's hold on the choice: merges its storage layers on load, writes every layer on a choice, knows when nothing sticks.
import { mergeLayers, type StoredChoice } from '../shared/choice-layers.js';
import { resolveState, type DefaultState, type OptOutState } from '../shared/choice.js';
import type { ChoiceStore } from './choice-store.js';

export interface ChoiceKeeperOptions<Name extends string> {
  /** The frame's own layers (host cookie, frame storage), by name. */
  readonly stores: Readonly<Record<Name, ChoiceStore>>;
  /** The browser sends Global Privacy Control (header seen by the host, or the navigator property). */
  readonly gpc: boolean;
  readonly defaultState: DefaultState;
}

export interface ChoiceKeeper {
  /** The state now, from the merged layers, GPC and the site's default. */
  readonly state: OptOutState;
  /** Whether at least one layer can keep a choice; `false` means a toggle here would lie. */
  readonly canStore: boolean;
  /** Records a choice (the visitor's click, or a page's opt-out) in every layer; returns the new state. */
  choose(optedOut: boolean): OptOutState;
  /**
   * Reads the layers again (another tab may have written them) and applies the merge rule;
   * `undefined` when they hold no choice, so a choice kept only in memory (nothing can be
   * stored, or the site's mirror restored it) stands.
   */
  refresh(): OptOutState | undefined;
}

/**
 * Reads every layer once and applies the merge rule: an opt-out found anywhere is written back
 * to the other layers. A stored choice is also rewritten to every layer on each load, which
 * renews the cookie's 400-day lifetime even when the frame is served by a static host.
 */
export function openChoiceKeeper<Name extends string>(options: ChoiceKeeperOptions<Name>): ChoiceKeeper {
  const names = Object.keys(options.stores) as Name[];
  const readAll = (): Record<Name, StoredChoice> => {
    const frame = {} as Record<Name, StoredChoice>;
    for (const name of names) frame[name] = options.stores[name].read();
    return frame;
  };
  const writeAll = (optedOut: boolean, to: readonly Name[] = names): void => {
    for (const name of to) options.stores[name].write(optedOut);
  };

  let choice = mergeLayers({ frame: readAll() }).choice;
  if (choice !== undefined) writeAll(choice);
  const canStore = names.some((name) => options.stores[name].canStore());
  const state = (): OptOutState => resolveState({ choice, gpc: options.gpc, defaultState: options.defaultState });

  return {
    get state() {
      return state();
    },
    canStore,
    choose(optedOut) {
      choice = optedOut;
      writeAll(optedOut);
      return state();
    },
    refresh() {
      const merged = mergeLayers({ frame: readAll() });
      if (merged.choice === undefined) return undefined;
      choice = merged.choice;
      writeAll(
        choice,
        merged.stale.filter((name): name is Name => name !== 'mirror'),
      );
      return state();
    },
  };
}
