// Embed-code builder script (GET /): live preview and code as options change, validated like the frame; copy button.
import { parseFrameParams, ParamError } from '../shared/frame-params.js';
import { embedSnippet, embedUrl, type EmbedOptions } from '../shared/embed-snippet.js';

const form = document.getElementById('options') as HTMLFormElement;
const preview = document.getElementById('preview') as HTMLIFrameElement;
const snippet = document.getElementById('snippet') as HTMLTextAreaElement;
const copyButton = document.getElementById('copy') as HTMLButtonElement;
const copyStatus = document.getElementById('copy-status') as HTMLElement;
const textFields = ['fontColor', 'backgroundColor', 'fontSize', 'fontFamily'];

/** The form as the frame's query: empty fields mean "the default" and are left out. */
function formQuery(): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && value.trim() !== '') query[name] = value.trim();
  }
  return query;
}

function showError(parameter: string | undefined, message: string): void {
  for (const name of textFields) {
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

/** Validates with the frame's own rules; only valid options reach the preview and the code. */
function update(): void {
  const query = formQuery();
  let params;
  try {
    params = parseFrameParams(query);
  } catch (error) {
    if (!(error instanceof ParamError)) throw error;
    showError(error.parameter, `Not valid: expected ${error.accepts}.`);
    return;
  }
  showError(undefined, '');
  const site = query.site;
  const options: EmbedOptions = site ? { ...params, site } : params;
  const title = frameTitle();
  const src = embedUrl('', options);
  if (preview.getAttribute('src') !== src) preview.src = src;
  preview.title = `Preview: ${title}`;
  snippet.value = embedSnippet(location.origin, options, title);
  copyStatus.textContent = '';
  // Keep the address shareable: reloading it shows the same options (and works without script).
  history.replaceState(null, '', `/${src.slice('/optout'.length)}`);
}

/** Colour pickers next to the hex fields: a convenience, the text field stays the value. */
function connectPicker(name: string): void {
  const field = document.getElementById(name) as HTMLInputElement;
  const picker = document.getElementById(`${name}-picker`) as HTMLInputElement;
  const sync = () => {
    const hex = field.value.trim().replace('#', '');
    if (/^[0-9a-fA-F]{6}$/.test(hex)) picker.value = `#${hex.toLowerCase()}`;
    else if (/^[0-9a-fA-F]{3}$/.test(hex)) picker.value = `#${[...hex.toLowerCase()].map((c) => c + c).join('')}`;
  };
  picker.addEventListener('input', () => {
    field.value = picker.value.slice(1);
    update();
  });
  field.addEventListener('input', sync);
  sync();
  picker.hidden = false;
}

/** Copies through the Clipboard API, or by selecting the text where that API is missing or refused. */
async function copySnippet(): Promise<void> {
  let copied = false;
  try {
    await navigator.clipboard.writeText(snippet.value);
    copied = true;
  } catch {
    snippet.focus();
    snippet.select();
    // The old API still works where the new one is missing or refused (e.g. no permission).
    copied = document.execCommand('copy');
  }
  copyStatus.textContent = copied ? 'Copied' : 'Press Ctrl+C (⌘C) to copy the selected code';
}

form.addEventListener('input', update);
form.addEventListener('change', update);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  update();
});
connectPicker('fontColor');
connectPicker('backgroundColor');
copyButton.addEventListener('click', () => void copySnippet());
copyButton.hidden = false;
update();
