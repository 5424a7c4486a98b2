// Embed-code builder script (GET /): live preview and both blocks of code as options change, validated like the host; copy buttons.
import { builderPath, embedUrl, everyPageCode, everyPageHint, privacyPageCode, type BuilderChoices } from '../shared/embed-snippet.js';
import { parseFrameParams, ParamError } from '../shared/frame-params.js';
import { parseIntegrationParams } from '../shared/integration-params.js';
import { matomoCodeOnHost } from '../shared/matomo-embed.js';
import { trackerDocs } from '../shared/tracker-snippets.js';
import { connectPicker } from './colour-pickers.js';
import { clearCopyStatus, connectCopyButtons } from './copy-buttons.js';
import { followPreviewHeight } from './preview-size.js';

const form = document.getElementById('options') as HTMLFormElement;
const preview = document.getElementById('preview') as HTMLIFrameElement;
const privacyCode = document.getElementById('privacy-code') as HTMLTextAreaElement;
const everyPageCodeArea = document.getElementById('every-page-code') as HTMLTextAreaElement;
const everyPageHintLine = document.getElementById('every-page-code-hint') as HTMLParagraphElement;
/** The fields whose value can be invalid: each has an error line `<name>-error`. */
const checkedFields = ['gaId', 'cookieDomain', 'fontColor', 'backgroundColor', 'fontSize', 'fontFamily'];

/** The form as the host reads its query: empty fields mean "the default" and are left out; ticked trackers are a list. */
function formQuery(): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    if (name === 'trackers') query.trackers = [...((query.trackers as string[] | undefined) ?? []), value];
    else query[name] = value.trim();
  }
  return query;
}

function showError(parameter: string | undefined, message: string): void {
  for (const name of checkedFields) {
    const field = document.getElementById(name) as HTMLInputElement;
    const invalid = name === parameter;
    if (invalid) field.setAttribute('aria-invalid', 'true');
    else field.removeAttribute('aria-invalid');
    (document.getElementById(`${name}-error`) as HTMLElement).textContent = invalid ? message : '';
  }
}

/** The chosen language's frame title, or the chosen site's own title for it (see the site picker's data-titles). */
function frameTitle(): string {
  const language = (form.elements.namedItem('lang') as HTMLSelectElement).selectedOptions[0];
  const site = (form.elements.namedItem('site') as HTMLSelectElement | null)?.selectedOptions[0];
  const titles = JSON.parse(site?.dataset.titles || '{}') as Record<string, string>;
  return titles[language?.dataset.tag ?? language?.value ?? ''] ?? language?.dataset.title ?? 'Analytics opt-out';
}

/** The form's choices, validated with the host's own rules; an invalid one is named on its field. */
function readChoices(): BuilderChoices | undefined {
  const query = formQuery();
  try {
    const site = typeof query.site === 'string' ? query.site : undefined;
    const choices = { ...parseFrameParams(query), ...parseIntegrationParams(query), ...(site ? { site } : {}) };
    showError(undefined, '');
    return choices;
  } catch (error) {
    if (!(error instanceof ParamError)) throw error;
    showError(error.parameter, `Not valid: expected ${error.accepts}.`);
    return undefined;
  }
}

/** Only valid choices reach the preview and the code. */
function update(): void {
  const choices = readChoices();
  if (!choices) return;
  const title = frameTitle();
  const src = embedUrl('', choices);
  if (preview.getAttribute('src') !== src) preview.src = src;
  preview.title = `Preview: ${title}`;
  const privacy = privacyPageCode(location.origin, choices, title);
  const everyPage = everyPageCode(location.origin, choices);
  if (privacyCode.value !== privacy || everyPageCodeArea.value !== everyPage) clearCopyStatus();
  for (const [area, code] of [
    [privacyCode, privacy],
    [everyPageCodeArea, everyPage],
  ] as const) {
    area.value = code;
    // As the server sizes it: the whole block in view, up to a screenful.
    area.rows = Math.min(code.split('\n').length + 1, 28);
  }
  // Our own constant markup (with <code>), as the server renders it.
  everyPageHintLine.innerHTML = everyPageHint(choices.everyPage);
  const links = trackerDocs(choices.trackers).map(({ href, text }) =>
    Object.assign(document.createElement('a'), { href, textContent: text }),
  );
  for (const docs of document.querySelectorAll('.docs')) docs.replaceChildren(...links.flatMap((link) => [link.cloneNode(true), ' ']));
  // Keep the address shareable: reloading it shows the same options (and works without script).
  history.replaceState(null, '', builderPath(choices));
}

const swatches = [connectPicker(form, 'fontColor', update), connectPicker(form, 'backgroundColor', update)];
const onChange = () => {
  for (const sync of swatches) sync();
  update();
};
form.addEventListener('input', onChange);
form.addEventListener('change', onChange);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  onChange();
});
followPreviewHeight(preview);
connectCopyButtons();
update();

// "I use Matomo's opt-out code today": the same code on this host, as it is pasted.
const matomoInput = document.getElementById('matomo') as HTMLTextAreaElement | null;
const matomoOutput = document.getElementById('matomo-code') as HTMLTextAreaElement | null;
matomoInput?.addEventListener('input', () => {
  if (matomoOutput) matomoOutput.value = matomoCodeOnHost(matomoInput.value, location.origin) ?? '';
});
