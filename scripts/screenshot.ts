// `npm run screenshot`: regenerates the docs' pictures: docs/screenshot.png (the widget in the demo privacy page) and docs/builder.png.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '../e2e/browser.js';
import { loadConfig } from '../server/config/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
// The same ports as `npm start` (PORT, DEMO_PORT), so it also runs beside another instance.
const { port, demoPort } = loadConfig();
const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise<void>((resolve, reject) => {
  server.stdout.on('data', (chunk: Buffer) => chunk.includes('Ctrl-C') && resolve());
  // A start-up error (say, a port in use) is printed by start.ts; do not wait for ever.
  server.once('exit', (code) => reject(new Error(`npm start exited with code ${code} before serving`)));
});

const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 620 }, deviceScaleFactor: 1 });
  await page.goto(`http://localhost:${demoPort}/privacy`);
  await page.frameLocator('iframe').getByRole('button').waitFor();
  await page.screenshot({ path: `${root}docs/screenshot.png` });
  console.log('wrote docs/screenshot.png');

  const builder = await browser.newPage({ viewport: { width: 1100, height: 1000 }, deviceScaleFactor: 1 });
  await builder.goto(`http://127.0.0.1:${port}/?lang=fr&theme=dark&fontSize=17px&trackers=plausible`);
  await builder.frameLocator('#preview').getByRole('button').waitFor();
  await builder.screenshot({ path: `${root}docs/builder.png`, fullPage: true });
  console.log('wrote docs/builder.png');
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
