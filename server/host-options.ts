// HostOptions on its own, free of Express's types, so the public declarations of optout-frame/server need none.
import type { FrameAssets } from './assets.js';

export interface HostOptions {
  /** Built assets; read from `dist/public` by default. */
  readonly assets?: FrameAssets;
  /** Folder holding the built `assets/` (default `dist/public`). */
  readonly publicDir?: URL;
}
