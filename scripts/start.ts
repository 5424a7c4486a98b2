// `npm start`: builds if needed, then serves the opt-out host and the demo site on two different sites.
import { createDemoApp } from '../demo/server.js';
import { createOptOutHost } from '../server/app.js';
import { ConfigError, loadConfig } from '../server/config/index.js';
import { close, listen, ListenError, onShutdownSignal } from '../server/listen.js';
import { serverOrigin } from '../server/server-origin.js';
import { build, needsBuild } from './build.js';

try {
  const demoPort = loadConfig().demoPort;
  // localhost and 127.0.0.1 are different sites, so the frame is really third-party.
  const demoOrigin = `http://localhost:${demoPort}`;
  const config = loadConfig({ ...process.env, OPTOUT_ALLOWED_ORIGINS: process.env.OPTOUT_ALLOWED_ORIGINS ?? demoOrigin });

  if (needsBuild()) {
    console.log('building…');
    await build();
  }
  const host = await listen(createOptOutHost(config), config.port, config.host, { portVariable: 'PORT' });
  // The demo's pages point at the host where it really listens (bound port, IPv6 in brackets).
  const hostOrigin = serverOrigin(host, config.host);
  const demo = await listen(createDemoApp({ hostOrigin }), demoPort, 'localhost', { portVariable: 'DEMO_PORT' });
  console.log(`optout-frame host: ${hostOrigin}  (builder: ${hostOrigin}/, frame: ${hostOrigin}/optout)`);
  console.log(`demo site:         ${demoOrigin}  (privacy page: ${demoOrigin}/privacy)`);
  console.log('Press Ctrl-C to stop.');
  onShutdownSignal(() => Promise.all([close(host), close(demo)]).then(() => undefined));
} catch (error) {
  if (error instanceof ConfigError || error instanceof ListenError) {
    console.error(`optout-frame: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
