// Runs the opt-out host alone (`node dist/lib/server/main.js` or `tsx server/main.ts`), configured from the environment.
import { createOptOutHost } from './app.js';
import { AssetsError } from './assets.js';
import { ConfigError, loadConfig } from './config.js';
import { close, listen, ListenError, onShutdownSignal } from './listen.js';
import { serverOrigin } from './server-origin.js';

try {
  const config = loadConfig();
  const server = await listen(createOptOutHost(config), config.port, config.host);
  // The bound port, so PORT=0 (any free port) prints where the host really is.
  console.log(`optout-frame host: ${serverOrigin(server, config.host)}`);
  onShutdownSignal(() => close(server));
} catch (error) {
  // Expected start-up failures get one line and exit code 1; anything else is a bug and keeps its stack.
  if (error instanceof ConfigError || error instanceof ListenError || error instanceof AssetsError) {
    console.error(`optout-frame: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
