// The builder's form as HTML: the frame's options and the integration's (trackers, GA id, cookie domain, every page), filled from the query.
import type { BuilderChoices } from '../widget/shared/embed-snippet.js';
import type { FrameParams } from '../widget/shared/frame-params.js';
import { fallbackLanguage, findLanguage, type Language } from '../widget/shared/i18n/index.js';
import { TRACKERS } from '../widget/shared/integration-params.js';
import { themeColours } from '../widget/shared/theme.styles.js';
import { GA_ID_PLACEHOLDER, TRACKER_INFO } from '../widget/shared/tracker-snippets.js';
import { escapeHtml } from './html.js';

export interface BuilderFormInput {
  readonly choices: BuilderChoices;
  readonly languages: readonly Language[];
  /** The host's profiles (`OPTOUT_CONFIG` sites) by id; none = no site picker. */
  readonly sites: readonly string[];
  /** The frame's title for a profile (undefined = the top level) in a language: the `<iframe title>`. */
  readonly titleOf: (site: string | undefined, language: Language) => string;
}

/**
 * The site picker: each option carries the titles that differ from the top level's, by
 * language tag, so the script can write the right `<iframe title>` without asking the host.
 */
function siteField({ sites, choices, languages, titleOf }: BuilderFormInput): string {
  if (sites.length === 0) return '';
  const options = sites.map((site) => {
    const titles = Object.fromEntries(
      languages
        .filter((language) => titleOf(site, language) !== titleOf(undefined, language))
        .map((language) => [language.tag, titleOf(site, language)]),
    );
    return `<option value="${escapeHtml(site)}" data-titles="${escapeHtml(JSON.stringify(titles))}"${choices.site === site ? ' selected' : ''}>${escapeHtml(site)}</option>`;
  });
  return `<div class="field"><label for="site">Site</label><select id="site" name="site" aria-describedby="site-hint"><option value="">None: the host's own settings</option>${options.join(
    '',
  )}</select><p class="hint" id="site-hint">A profile from the host's configuration: its allowed origins, texts and theme.</p></div>`;
}

function languageField({ choices, languages, titleOf }: BuilderFormInput): string {
  const options = [
    `<option value="auto"${choices.lang === 'auto' ? ' selected' : ''} data-tag="${fallbackLanguage.tag}" data-title="${escapeHtml(titleOf(undefined, fallbackLanguage))}">The visitor's browser language (auto)</option>`,
    ...languages.map(
      (language) =>
        `<option value="${escapeHtml(language.tag)}" lang="${escapeHtml(language.tag)}" data-title="${escapeHtml(titleOf(undefined, language))}"${
          findLanguage(choices.lang) === language && choices.lang !== 'auto' ? ' selected' : ''
        }>${escapeHtml(language.name)} (${escapeHtml(language.tag)})</option>`,
    ),
  ];
  return `<div class="field"><label for="lang">Language</label><select id="lang" name="lang">${options.join('')}</select></div>`;
}

function radios(legend: string, name: string, options: readonly (readonly [string, string, boolean])[], hint = ''): string {
  const inputs = options.map(
    ([value, label, checked]) => `<label><input type="radio" name="${name}" value="${value}"${checked ? ' checked' : ''}>${label}</label>`,
  );
  const described = hint ? ` aria-describedby="${name}-hint"` : '';
  return `<fieldset${described}><legend>${legend}</legend>${inputs.join('')}${hint ? `<p class="hint" id="${name}-hint">${hint}</p>` : ''}</fieldset>`;
}

/** A text field with its hint and its error line (filled by the script, or by nothing: the server answers 400). */
function textField(name: string, label: string, value: string | undefined, hint: string, after = ''): string {
  const input = `<input type="text" id="${name}" name="${name}" value="${escapeHtml(value ?? '')}" autocomplete="off" spellcheck="false" aria-describedby="${name}-hint ${name}-error">`;
  return `<div class="field"><label for="${name}">${label}</label>${after ? `<div class="with-picker">${input}${after}</div>` : input}<p class="hint" id="${name}-hint">${hint}</p><p class="error" id="${name}-error"></p></div>`;
}

/** A hex field with a colour picker; while the field is empty the picker shows the theme's colour, and says so. */
function colourField(name: 'fontColor' | 'backgroundColor', label: string, choices: BuilderChoices): string {
  const { light, dark } = themeColours;
  const shown = choices[name] ?? (choices.theme === 'dark' ? dark : light)[name];
  const picker =
    `<input type="color" id="${name}-picker" value="${shown}" aria-label="Pick the ${label.toLowerCase()}" data-light="${light[name]}" data-dark="${dark[name]}" hidden>` +
    `<span class="swatch-note" id="${name}-note" hidden>${choices[name] ? '' : 'Theme’s colour'}</span>`;
  const hint = `Hex, 3 or 6 digits, e.g. ${name === 'fontColor' ? '1f2937' : 'ffffff'}. Empty: the theme’s (light ${light[name]}, dark ${dark[name]}).`;
  return textField(name, label, choices[name]?.slice(1), hint, picker);
}

function trackerField(choices: BuilderChoices): string {
  const boxes = TRACKERS.map(
    (tracker) =>
      `<label><input type="checkbox" name="trackers" value="${tracker}"${choices.trackers.includes(tracker) ? ' checked' : ''}>${TRACKER_INFO[tracker].label}</label>`,
  );
  return `<fieldset aria-describedby="trackers-hint"><legend>Trackers on your site</legend>${boxes.join('')}<p class="hint" id="trackers-hint">None ticked: no tracker, the code lets your own scripts ask.</p></fieldset>`;
}

/** The form's fields, in the order a site owner decides them. */
export function builderForm(input: BuilderFormInput): string {
  const { choices } = input;
  const theme = (value: FrameParams['theme'], label: string) => [value, label, choices.theme === value] as const;
  return `<form id="options" method="get" action="/" novalidate>
<h2>Options</h2>
${siteField(input)}
${trackerField(choices)}
${textField('gaId', 'Google Analytics measurement ID', choices.gaId, `Only with Google Analytics, e.g. G-ABC123DEF4. Empty: ${GA_ID_PLACEHOLDER} in the code, to replace.`)}
${textField('cookieDomain', 'Cookie domain', choices.cookieDomain === 'auto' ? '' : choices.cookieDomain, 'The domain whose subdomains share the choice (e.g. example.org); none: each host keeps its own. Empty: auto, the widest the browser accepts.')}
${radios(
  'Pages without the opt-out',
  'everyPage',
  [
    ['1', 'Load the client', choices.everyPage],
    ['0', 'Tracker code only', !choices.everyPage],
  ],
  'The client holds each tracker’s first hit until the choice is known.',
)}
${languageField(input)}
${radios('Intro sentence', 'showIntro', [
  ['1', 'Shown', choices.showIntro],
  ['0', 'Hidden', !choices.showIntro],
])}
${radios('Theme', 'theme', [theme('auto', 'Auto'), theme('light', 'Light'), theme('dark', 'Dark')])}
${colourField('fontColor', 'Text colour', choices)}
${colourField('backgroundColor', 'Background colour', choices)}
${textField('fontSize', 'Font size', choices.fontSize, 'A number with px, pt, em, rem or %, e.g. 16px.')}
${textField('fontFamily', 'Font family', choices.fontFamily, 'Family names separated by commas, e.g. Georgia, serif.')}
<noscript><button type="submit">Update preview and code</button></noscript>
</form>`;
}
