// Renders GET /: the embed-code builder (options, live preview of the real frame, the two blocks of code with copy buttons).
import { embedUrl, everyPageCode, everyPageHint, privacyPageCode, type BuilderChoices } from '../widget/shared/embed-snippet.js';
import { fallbackLanguage, findLanguage, type Language } from '../widget/shared/i18n/index.js';
import { trackerDocs } from '../widget/shared/tracker-snippets.js';
import { matomoCodeOnHost } from '../widget/shared/matomo-embed.js';
import { builderForm, type BuilderFormInput } from './builder-form.js';
import { builderStyles } from './builder-styles.js';
import { escapeHtml } from './html.js';

export interface BuilderPageInput extends BuilderFormInput {
  /** The host's origin as the browser reached it, for the generated code. */
  readonly hostOrigin: string;
  /** The builder's module script, when built (the form works without it). */
  readonly builderScript: string | undefined;
  /** The Matomo opt-out code the site owner pasted (`matomo=`), or empty. */
  readonly matomoCode?: string;
}

/** The language the frame shows for `lang` when the visitor's browser says nothing: its title goes in the code. */
function frameLanguage(lang: string): Language {
  return lang === 'auto' ? fallbackLanguage : (findLanguage(lang) ?? fallbackLanguage);
}

/** The links under a block: the docs for each chosen tracker (the script keeps them in step). */
function docsLinks(choices: BuilderChoices): string {
  return trackerDocs(choices.trackers)
    .map(({ href, text }) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`)
    .join(' ');
}

/** Enough rows to show the whole block (up to a screenful; beyond, it scrolls). */
function codeRows(code: string): number {
  return Math.min(code.split('\n').length + 1, 28);
}

/** One block of code: its heading, the code, its copy button and status, a hint and the docs links. */
function codeBlock(id: string, heading: string, code: string, hint: string, choices: BuilderChoices): string {
  return `<section aria-labelledby="${id}-heading" class="output">
<h2 id="${id}-heading"><label for="${id}">${heading}</label></h2>
<textarea id="${id}" readonly wrap="off" rows="${codeRows(code)}" spellcheck="false" aria-describedby="${id}-hint">${escapeHtml(code)}</textarea>
<div class="actions"><button type="button" id="${id}-copy" data-copies="${id}" hidden>Copy code: ${heading.toLowerCase()}</button><p class="copied" id="${id}-status" role="status"></p></div>
<p class="hint" id="${id}-hint">${hint}</p>
<p class="hint docs" id="${id}-docs">${docsLinks(choices)}</p>
</section>`;
}

/** "I use Matomo's opt-out code today": paste it, get the same code on this host (the script changes it as it is typed). */
function matomoSection(hostOrigin: string, pasted: string): string {
  const changed = pasted === '' ? '' : (matomoCodeOnHost(pasted, hostOrigin) ?? '');
  const hint =
    pasted !== '' && changed === ''
      ? 'This is not a Matomo opt-out code: it holds no <code>index.php?module=CoreAdminHome&amp;action=optOut</code> address.'
      : 'Matomo’s classic iframe or its script, as its admin wrote it: the same code, with only the host changed. <a href="https://github.com/optout-frame/optout-frame/blob/main/docs/migrating-from-matomo.md">Migrating from Matomo</a>.';
  return `<section aria-labelledby="matomo-heading" class="output">
<h2 id="matomo-heading">I use Matomo’s opt-out code today</h2>
<form id="matomo-form" method="get" action="/"><label for="matomo">Your Matomo opt-out code</label>
<textarea id="matomo" name="matomo" rows="3" wrap="off" spellcheck="false" maxlength="4000">${escapeHtml(pasted)}</textarea>
<noscript><button type="submit">Change the host</button></noscript></form>
<label for="matomo-code">The same code on this host</label>
<textarea id="matomo-code" readonly wrap="off" rows="3" spellcheck="false" aria-describedby="matomo-hint">${escapeHtml(changed)}</textarea>
<p class="hint" id="matomo-hint">${hint}</p>
</section>`;
}

export function renderBuilderPage(input: BuilderPageInput): string {
  const { choices, hostOrigin } = input;
  const title = input.titleOf(choices.site, frameLanguage(choices.lang));
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
<p class="lede">Choose the options, check the live preview, then copy the code into your privacy page and your other pages.</p>
<div class="layout">
${builderForm(input)}
<div>
<section aria-labelledby="preview-heading">
<h2 id="preview-heading">Live preview</h2>
<iframe id="preview" class="preview${choices.showIntro ? '' : ' no-intro'}" src="${escapeHtml(embedUrl('', choices))}" title="Preview: ${escapeHtml(title)}"></iframe>
</section>
${codeBlock('privacy-code', 'On your privacy page', privacyPageCode(hostOrigin, choices, title), '<code>client.js</code> sizes the frame to its content and keeps your trackers’ own switches in step with the visitor’s choice. If your privacy page has your site’s usual <code>&lt;head&gt;</code>, keep the next block there too: the client loads once.', choices)}
${codeBlock('every-page-code', 'On every other page', everyPageCode(hostOrigin, choices), everyPageHint(choices.everyPage), choices)}
${matomoSection(hostOrigin, input.matomoCode ?? '')}
</div>
</div>
</main>
</body>
</html>
`;
}
