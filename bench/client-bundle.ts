// The client library bundled as a site would bundle it (`import { connectOptOut } from 'optout-frame/client'`), for the bench pages.
import { build } from 'vite';
import { root } from './processes.js';

/**
 * Builds `widget/client/client.ts` into one minified classic script that defines `optoutBench.connectOptOut`.
 * The bench pages inline it, so the state's cost is measured without an extra request for the
 * library itself (a site bundles it into its own script).
 */
export async function bundleClient(): Promise<string> {
  const output = await build({
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      target: 'es2022',
      lib: { entry: 'widget/client/client.ts', formats: ['iife'], name: 'optoutBench', fileName: () => 'client.js' },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if ('output' in result) {
      const chunk = result.output.find((item) => item.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error('bench: the client bundle produced no script');
}
