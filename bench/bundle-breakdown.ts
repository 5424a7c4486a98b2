// How much of the frame's script is Lit's runtime and how much is ours: built and compressed here, for the report.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin } from 'vite';
import { brotliCompressSync, constants } from 'node:zlib';
import { root } from './processes.js';

export interface BundleBreakdown {
  /** The built frame script, brotli-compressed as the host serves it. */
  readonly frameBrotli: number;
  /** A bundle with only what the element imports from Lit, same build settings. */
  readonly litBrotli: number;
}

const brotli = (code: string | Buffer) =>
  brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length;

/** A one-element entry that uses the same Lit exports as `<optout-toggle>` (lit-html's `render`, `html`, `nothing`). */
const LIT_ONLY = 'virtual:lit-only';
const litOnly: Plugin = {
  name: 'bench-lit-only',
  resolveId: (id) => (id === LIT_ONLY ? id : null),
  load: (id) =>
    id === LIT_ONLY
      ? `import { html, nothing, render } from 'lit/html.js';
customElements.define('x-lit', class extends HTMLElement {
  on = false;
  connectedCallback() { this.update(); }
  update() { render(html\`<p @click=\${() => { this.on = !this.on; this.update(); }}>\${this.on ? 'a' : nothing}</p>\`, this.shadowRoot ?? this.attachShadow({ mode: 'open' })); }
});`
      : null,
};

export async function bundleBreakdown(): Promise<BundleBreakdown> {
  const output = await build({
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    plugins: [litOnly],
    build: { write: false, target: 'es2022', modulePreload: false, rollupOptions: { input: LIT_ONLY } },
  });
  const results = Array.isArray(output) ? output : [output];
  let lit = '';
  for (const result of results) if ('output' in result) for (const item of result.output) if (item.type === 'chunk') lit += item.code;
  const assets = join(root, 'dist', 'public', 'assets');
  const frame = readdirSync(assets).find((name) => name.startsWith('frame-') && name.endsWith('.js'));
  if (!frame) throw new Error('bench: no built frame script in dist/public/assets');
  return { frameBrotli: brotli(readFileSync(join(assets, frame))), litBrotli: brotli(lit) };
}
