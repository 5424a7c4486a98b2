// The host as a library: `import { createOptOutHost, loadConfig } from 'optout-frame/server'`.
export { createOptOutHost, type HostOptions } from './app.js';
export { loadConfig, ConfigError, type HostConfig } from './config/index.js';
export { loadAssets, type FrameAssets } from './assets.js';
