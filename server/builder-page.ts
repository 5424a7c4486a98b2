// Renders GET /: the embed-code builder (options, live preview of the real frame, the code and a copy button).
import { embedSnippet, embedUrl, type EmbedOptions } from '../widget/shared/embed-snippet.js';
import { fallbackLanguage, findLanguage, type Language } from '../widget/shared/i18n/index.js';
import type { FrameParams } from '../widget/shared/frame-params.js';
import { escapeHtml } from './html.js';

export interface BuilderPageInput {
  /** The options to start from (the page's own query, so the form also works without JavaScript). */
  readonly params: EmbedOptions;
  /** The host's origin as the browser reached it, for the generated code. */
  readonly hostOrigin: string;
  readonly languages: readonly Language[];
  /** The builder's module script, when built (the form works without it). */
  readonly builderScript: string | undefined;
  /** The host's profiles (`OPTOUT_CONFIG` sites) by id; none = no site picker. */
  readonly sites: readonly string[];
  /** The frame's title for a profile (undefined = the top level) in a language: the `<iframe title>`. */
  readonly titleOf: (site: string | undefined, language: Language) => string;
}

/** The language the frame shows for `lang` when the visitor's browser says nothing: its title goes in the code. */
function frameLanguage(lang: string): Language {
  return lang === 'auto' ? fallbackLanguage : (findLanguage(lang) ?? fallbackLanguage);
}

/**
 * The site picker: each option carries the titles that differ from the top level's, by
 * language tag, so the script can write the right `<iframe title>` without asking the host.
 */
function siteField({ sites, params, languages, titleOf }: BuilderPageInput): string {
  if (sites.length === 0) return '';
  const options = sites.map((site) => {
    const titles = Object.fromEntries(
      languages.filter((language) => titleOf(site, language) !== titleOf(undefined, language)).map((language) => [language.tag, titleOf(site, language)]),
    );
    return `<option value="${escapeHtml(site)}" data-titles="${escapeHtml(JSON.stringify(titles))}"${params.site === site ? ' selected' : ''}>${escapeHtml(site)}</option>`;
  });
  return `<div class="field"><label for="site">Site</label><select id="site" name="site" aria-describedby="site-hint"><option value="">None: the host's own settings</option>${options.join(
    '',
  )}</select><p class="hint" id="site-hint">A profile from the host's configuration: its allowed origins, texts and theme.</p></div>`;
}

/** The page's one inline style, allowed by its hash. */
export const builderStyles = `
:root { color-scheme: light; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1f2328; background: #f6f8fa; line-height: 1.5; }
body { margin: 0; }
main { max-width: 68rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.8rem; margin: 0.5rem 0 0.25rem; }
.lede { margin: 0 0 1.5rem; color: #4b5563; }
.layout { display: grid; gap: 1.5rem; grid-template-columns: minmax(16rem, 22rem) 1fr; align-items: start; }
@media (max-width: 52rem) { .layout { grid-template-columns: 1fr; } }
section, form { background: #fff; border: 1px solid #d0d7de; border-radius: 10px; padding: 1rem 1.25rem; }
h2 { font-size: 1.15rem; margin: 0 0 0.75rem; }
.field { margin: 0 0 1rem; }
label, legend { display: block; font-weight: 600; margin-bottom: 0.25rem; padding: 0; }
fieldset { border: 0; margin: 0 0 1rem; padding: 0; }
fieldset label { display: inline-flex; align-items: center; gap: 0.4rem; font-weight: 400; margin-right: 1rem; min-height: 44px; }
.code { margin-top: 1.5rem; }
input[type=text], select { box-sizing: border-box; width: 100%; min-height: 44px; font: inherit; padding: 0.4rem 0.6rem; border: 1px solid #6e7781; border-radius: 6px; background: #fff; color: inherit; }
input[type=radio], input[type=checkbox] { width: 1.25rem; height: 1.25rem; margin: 0; }
.with-picker { display: flex; gap: 0.5rem; }
input[type=color] { inline-size: 44px; block-size: 44px; padding: 2px; border: 1px solid #6e7781; border-radius: 6px; background: #fff; flex: none; }
.hint { margin: 0.25rem 0 0; font-size: 0.875rem; color: #4b5563; }
.error { margin: 0.25rem 0 0; font-size: 0.875rem; color: #b42318; font-weight: 600; }
.error:empty { display: none; }
[aria-invalid=true] { border-color: #b42318; border-width: 2px; }
button { font: inherit; font-weight: 600; min-height: 44px; padding: 0.4rem 1rem; border-radius: 6px; border: 2px solid #0b57d0; background: #0b57d0; color: #fff; cursor: pointer; }
button:hover { background: #0842a0; border-color: #0842a0; }
:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
button:focus-visible { outline-color: #1f2328; }
.preview { display: block; width: 100%; height: 240px; border: 1px dashed #8c959f; border-radius: 6px; background: #fff; resize: vertical; overflow: auto; }
textarea { box-sizing: border-box; width: 100%; min-height: 9.5rem; font: 0.85rem/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; padding: 0.6rem; border: 1px solid #6e7781; border-radius: 6px; color: inherit; background: #f6f8fa; }
.actions { display: flex; align-items: center; gap: 1rem; margin-top: 0.5rem; }
.copied { margin: 0; color: #116329; font-weight: 600; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
`;

function textField(name: string, label: string, value: string | undefined, hint: string, picker?: string): string {
  const input = `<input type="text" id="${name}" name="${name}" value="${escapeHtml(value ?? '')}" autocomplete="off" spellcheck="false" aria-describedby="${name}-hint ${name}-error">`;
  const pickerInput = picker
    ? `<input type="color" id="${name}-picker" value="${picker}" aria-label="Pick the ${label.toLowerCase()}" hidden>`
    : '';
  return `<div class="field"><label for="${name}">${label}</label>${
    picker ? `<div class="with-picker">${input}${pickerInput}</div>` : input
  }<p class="hint" id="${name}-hint">${hint}</p><p class="error" id="${name}-error"></p></div>`;
}

export function renderBuilderPage(input: BuilderPageInput): string {
  const { params, hostOrigin } = input;
  const title = input.titleOf(params.site, frameLanguage(params.lang));
  const languageOptions = [
    `<option value="auto"${params.lang === 'auto' ? ' selected' : ''} data-tag="${fallbackLanguage.tag}" data-title="${escapeHtml(input.titleOf(undefined, fallbackLanguage))}">The visitor's browser language (auto)</option>`,
    ...input.languages.map(
      (language) =>
        `<option value="${escapeHtml(language.tag)}" lang="${escapeHtml(language.tag)}" data-title="${escapeHtml(input.titleOf(undefined, language))}"${
          findLanguage(params.lang) === language && params.lang !== 'auto' ? ' selected' : ''
        }>${escapeHtml(language.name)} (${escapeHtml(language.tag)})</option>`,
    ),
  ].join('');
  const theme = (value: FrameParams['theme'], label: string) =>
    `<label><input type="radio" name="theme" value="${value}"${params.theme === value ? ' checked' : ''}>${label}</label>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Embed code builder — optout-frame</title>
<style>${builderStyles}</style>
${input.builderScript ? `<script type="module" src="${escapeHtml(input.builderScript)}"></script>` : ''}
</head>
<body>
<main>
<h1>Embed the analytics opt-out</h1>
<p class="lede">Choose the options, check the live preview, then copy the code into your privacy page.</p>
<div class="layout">
<form id="options" method="get" action="/" novalidate>
<h2>Options</h2>
${siteField(input)}
<div class="field"><label for="lang">Language</label><select id="lang" name="lang">${languageOptions}</select></div>
<fieldset><legend>Intro sentence</legend><label><input type="radio" name="showIntro" value="1"${params.showIntro ? ' checked' : ''}>Shown</label><label><input type="radio" name="showIntro" value="0"${params.showIntro ? '' : ' checked'}>Hidden</label></fieldset>
<fieldset><legend>Theme</legend>${theme('auto', 'Auto')}${theme('light', 'Light')}${theme('dark', 'Dark')}</fieldset>
${textField('fontColor', 'Text colour', params.fontColor, 'Hex, 3 or 6 digits, e.g. 1f2937. Empty: the theme’s.', '#1f2328')}
${textField('backgroundColor', 'Background colour', params.backgroundColor, 'Hex, e.g. ffffff. Empty: the theme’s.', '#ffffff')}
${textField('fontSize', 'Font size', params.fontSize, 'A number with px, pt, em, rem or %, e.g. 16px.')}
${textField('fontFamily', 'Font family', params.fontFamily, 'Family names separated by commas, e.g. Georgia, serif.')}
<noscript><button type="submit">Update preview and code</button></noscript>
</form>
<div>
<section aria-labelledby="preview-heading">
<h2 id="preview-heading">Live preview</h2>
<iframe id="preview" class="preview" src="${escapeHtml(embedUrl('', params))}" title="Preview: ${escapeHtml(title)}"></iframe>
</section>
<section aria-labelledby="code-heading" class="code">
<h2 id="code-heading"><label for="snippet">Embed code</label></h2>
<textarea id="snippet" readonly rows="5" spellcheck="false">${escapeHtml(embedSnippet(hostOrigin, params, title))}</textarea>
<div class="actions"><button type="button" id="copy" hidden>Copy code</button><p class="copied" id="copy-status" role="status"></p></div>
<p class="hint"><code>client.js</code> sizes the frame to its content and lets your page scripts and trackers learn the visitor’s choice.</p>
</section>
</div>
</div>
</main>
</body>
</html>
`;
}
