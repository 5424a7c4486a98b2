// The `data-adapters` extension point of client.js: tracker adapters by name (issue 4 registers them here).
import type { OptOutClient } from './client.js';

/** Keeps one tracker's own opt-out switch in step with the client; returns a function that stops it. */
export type ScriptAdapter = (client: OptOutClient) => () => void;

/** Adapters that `<script src=".../client.js" data-adapters="a,b">` may name. */
export const scriptAdapters: ReadonlyMap<string, ScriptAdapter> = new Map();

/** Parses `data-adapters` ("matomo, plausible") into names. */
export function adapterNames(attribute: string | undefined): string[] {
  return (attribute ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** Applies each named adapter; an unknown name is reported on the console, never thrown. */
export function applyScriptAdapters(client: OptOutClient, names: readonly string[]): void {
  for (const name of names) {
    const adapter = scriptAdapters.get(name);
    if (adapter) adapter(client);
    else console.warn(`optout-frame: unknown adapter "${name}" in data-adapters`);
  }
}
