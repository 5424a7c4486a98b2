// Runs the opt-out host alone (`node dist/lib/server/main.js` or `tsx server/main.ts`), configured from the environment.
import { createOptOutHost } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { close, listen, ListenError, onShutdownSignal } from './listen.js';

try {
  const config = loadConfig();
  const server = await listen(createOptOutHost(config), config.port, config.host);
  console.log(`optout-frame host: http://${config.host}:${config.port}`);
  onShutdownSignal(() => close(server));
} catch (error) {
  if (error instanceof ConfigError || error instanceof ListenError) {
    console.error(`optout-frame: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
