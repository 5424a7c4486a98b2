// The built client and bridge carry no Lit: each is built with its vite.config.ts settings, then searched for Lit's markers.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type UserConfig } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { PROTOCOL } from '../widget/shared/protocol.js';
import frameBuildConfig, { bridgeBuildConfig, clientScriptBuildConfig, staticBuildConfig } from '../vite.config.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outRoot = mkdtempSync(join(tmpdir(), 'optout-bundles-'));
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

/** Strings every Lit build registers on globalThis; minification keeps them. */
const LIT_MARKERS = ['litHtmlVersions', 'reactiveElementVersions', 'litElementVersions'];

/** Builds `config` (optionally with other inputs) into its own directory and returns every script it wrote, concatenated. */
async function builtScripts(name: string, config: UserConfig, input?: Record<string, string>): Promise<string> {
  const outDir = join(outRoot, name);
  const rollupOptions = input ? { ...config.build?.rollupOptions, input } : config.build?.rollupOptions;
  await build({
    ...config,
    root,
    configFile: false,
    logLevel: 'silent',
    build: { ...config.build, outDir, emptyOutDir: true, rollupOptions },
  });
  return scriptsBelow(outDir)
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');
}

function scriptsBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));
}

const litMarkersIn = (code: string) => LIT_MARKERS.filter((marker) => code.includes(marker));

describe('built bundles', { timeout: 60_000 }, () => {
  it("the frame carries lit-html (so the markers are the right ones to look for), not LitElement's runtime", async () => {
    expect(litMarkersIn(await builtScripts('frame', frameBuildConfig as UserConfig))).toEqual(['litHtmlVersions']);
  });

  it('client.js carries no Lit', async () => {
    const code = await builtScripts('client', clientScriptBuildConfig);
    expect(code).toContain(PROTOCOL);
    expect(litMarkersIn(code)).toEqual([]);
  });

  it('the bridge carries no Lit', async () => {
    const code = await builtScripts('bridge', bridgeBuildConfig);
    expect(code).toContain(PROTOCOL);
    expect(litMarkersIn(code)).toEqual([]);
  });

  it("the static export's bridge, with every chunk it loads, carries no Lit", async () => {
    const input = { 'static-bridge': 'widget/bridge/static-bridge.ts' };
    const code = await builtScripts('static-bridge', staticBuildConfig, input);
    expect(code).toContain(PROTOCOL);
    expect(litMarkersIn(code)).toEqual([]);
  });
});
