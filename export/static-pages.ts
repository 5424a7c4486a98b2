// The static export's two documents: the frame and the bridge, where the browser works out the state and the language.
import type { StaticConfig, StaticFrameConfig } from '../widget/shared/static-config.js';
import { STATIC_CONFIG_ELEMENT_ID } from '../widget/shared/static-config.js';
import { serializeBoot } from '../widget/shared/boot.js';
import { toggleStyles } from '../widget/shared/optout-toggle.styles.js';
import { themeStyles } from '../widget/shared/theme.styles.js';
import { escapeHtml } from '../server/html.js';
import { hashSource } from '../server/header-rules.js';
import { minifyCss } from '../widget/shared/minify-css.js';

export interface StaticScripts {
  /** URL path of the entry script. */
  readonly entry: string;
  /** Chunks the entry imports (also on demand), preloaded so they load in parallel, not one after another. */
  readonly preload: readonly string[];
}

/** Same escaping as the host's boot JSON: the data cannot close its `<script>` element. */
function configScript(config: StaticConfig | StaticFrameConfig): string {
  return `<script type="application/json" id="${STATIC_CONFIG_ELEMENT_ID}">${serializeBoot(config)}</script>`;
}

function scriptTags(scripts: StaticScripts): string {
  return [
    ...scripts.preload.map((href) => `<link rel="modulepreload" href="${escapeHtml(href)}">`),
    `<script type="module" src="${escapeHtml(scripts.entry)}"></script>`,
  ].join('\n');
}

/** The frame's only inline style; a CDN's CSP allows it by hash, as the host's CSP does. */
const staticFrameStyle = themeStyles + minifyCss(toggleStyles);

export function renderStaticFramePage(config: StaticFrameConfig, scripts: StaticScripts): string {
  return `<!doctype html>
<html lang="${escapeHtml(config.fallback.tag)}" dir="${config.fallback.dir}" data-theme="auto">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(config.fallback.texts.title)}</title>
<style>${staticFrameStyle}</style>
${scriptTags(scripts)}
</head>
<body>
<optout-toggle></optout-toggle>
<noscript><p class="optout">This opt-out needs JavaScript on this site. Turn JavaScript on to see and change your choice.</p></noscript>
${configScript(config)}
</body>
</html>
`;
}

export function renderStaticBridgePage(config: StaticConfig, scripts: StaticScripts): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>optout-frame bridge</title>
${scriptTags(scripts)}
</head>
<body>
${configScript(config)}
</body>
</html>
`;
}

/** The CSP source of the frame's one inline style (it changes with each release's styles). */
export const staticFrameStyleHash = hashSource(staticFrameStyle);
