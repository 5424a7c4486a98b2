// Test support: a stand-in for what `npm run build` leaves in dist/static-assets (two scripts, client.js, the manifest), so export tests run before a build.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MANIFEST_NAME } from '../../export/write-export.js';

/** A temp folder shaped like dist/static-assets; the caller removes it. */
export function fakeStaticAssets(): string {
  const root = mkdtempSync(join(tmpdir(), 'optout-export-'));
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'assets/frame-abc.js'), 'export {};');
  writeFileSync(join(root, 'assets/bridge-abc.js'), 'export {};');
  writeFileSync(join(root, 'client.js'), '/* client */');
  const manifest = {
    'widget/frame/static-frame.ts': { file: 'assets/frame-abc.js' },
    'widget/bridge/static-bridge.ts': { file: 'assets/bridge-abc.js' },
  };
  writeFileSync(join(root, MANIFEST_NAME), JSON.stringify(manifest));
  return root;
}
