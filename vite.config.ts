// Vite builds of the browser code into dist/public: the frame, the bridge (hashed, with manifests the host reads) and client.js.
import { defineConfig, type UserConfig } from 'vite';
import { minifyCssStrings } from './scripts/vite-minify-css.js';

const hashedNames = {
  entryFileNames: 'assets/[name]-[hash].js',
  chunkFileNames: 'assets/[name]-[hash].js',
  assetFileNames: 'assets/[name]-[hash][extname]',
};

/** The frame (Lit element + messenger). This build runs first and empties dist/public. */
export default defineConfig({
  publicDir: false,
  // The toggle's CSS ships as a string: minify it like the rest of the bundle.
  plugins: [minifyCssStrings()],
  build: {
    outDir: 'dist/public',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    modulePreload: false,
    rollupOptions: {
      input: { frame: 'widget/frame/frame.ts' },
      output: hashedNames,
    },
  },
});

/**
 * The bridge, built on its own so it is one small file with no chunk shared with the frame:
 * a page without the widget pays for one document and one script, nothing else.
 */
export const bridgeBuildConfig: UserConfig = {
  publicDir: false,
  build: {
    outDir: 'dist/public',
    emptyOutDir: false,
    manifest: '.vite/bridge-manifest.json',
    target: 'es2022',
    modulePreload: false,
    rollupOptions: { input: { bridge: 'widget/bridge/bridge.ts' }, output: hashedNames },
  },
};

/** The embed-code builder's script (GET /), on its own so it shares no chunk with the frame. */
export const builderBuildConfig: UserConfig = {
  publicDir: false,
  build: {
    outDir: 'dist/public',
    emptyOutDir: false,
    manifest: '.vite/builder-manifest.json',
    target: 'es2022',
    modulePreload: false,
    rollupOptions: { input: { builder: 'widget/builder/builder.ts' }, output: hashedNames },
  },
};

/**
 * The static export's scripts (dist/static-assets): entries that work out in the browser what the host
 * would have rendered, then load the frame or the bridge on demand (`optout-frame export` writes the pages).
 */
export const staticBuildConfig: UserConfig = {
  publicDir: false,
  build: {
    outDir: 'dist/static-assets',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    modulePreload: false,
    rollupOptions: {
      input: { 'static-frame': 'widget/frame/static-frame.ts', 'static-bridge': 'widget/bridge/static-bridge.ts' },
      output: hashedNames,
    },
  },
};

/** client.js: pasted by URL into other sites, so one classic script (IIFE) with a fixed name. */
export const clientScriptBuildConfig: UserConfig = {
  publicDir: false,
  build: {
    outDir: 'dist/public',
    emptyOutDir: false,
    target: 'es2022',
    lib: { entry: 'widget/client/client-script.ts', formats: ['iife'], name: 'optoutFrameClient', fileName: () => 'client.js' },
  },
};
