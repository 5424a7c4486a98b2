// The `GET /optout` query parameters (Matomo's names), validated strictly into typed values.

export type Theme = 'light' | 'dark' | 'auto';

export interface FrameParams {
  /** A BCP 47 tag or `auto` (negotiated from `Accept-Language`). */
  readonly lang: string;
  readonly showIntro: boolean;
  /** Normalised `#rrggbb` / `#rgb`, or undefined for the readable default. */
  readonly fontColor: string | undefined;
  readonly backgroundColor: string | undefined;
  readonly fontSize: string | undefined;
  readonly fontFamily: string | undefined;
  readonly theme: Theme;
}

/** An invalid parameter; the 400 page shows `parameter` and what it `accepts`. */
export class ParamError extends Error {
  override readonly name = 'ParamError';
  readonly status = 400;
  constructor(
    readonly parameter: string,
    readonly accepts: string,
  ) {
    super(`Invalid parameter "${parameter}": expected ${accepts}.`);
  }
}

type Query = Readonly<Record<string, unknown>>;

/** A site profile's id (`site=`): like a DNS label, since it goes in URLs and in the builder's code unescaped. */
const SITE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Whether `value` can be a site profile's id: one rule for the host's config file and the client. */
export function isSiteId(value: string): boolean {
  return SITE_ID.test(value);
}

const LANG = /^(auto|[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,8})$/;
const HEX_COLOUR = /^#?([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$/;
const FONT_SIZE = /^[0-9]{1,4}(\.[0-9]{1,4})?(px|pt|em|rem|%)$/;
// One family name, trimmed: bare, or in matched quotes (which may hold commas). Each alternative
// starts with a different character and is one character class, so a refusal costs one pass: the
// old whole-list pattern let spaces match in three overlapping places and backtracked exponentially.
const FONT_FAMILY_NAME = /^(?:[A-Za-z0-9 -]+|"[A-Za-z0-9 ,'-]*"|'[A-Za-z0-9 ,"-]*')$/;

/** The list's names, split on the commas outside quotes (one pass); an unclosed quote runs to the end and fails the name's pattern. */
function fontFamilyNames(value: string): string[] {
  const names: string[] = [];
  let start = 0;
  let quote = '';
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index]!;
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === ',') {
      names.push(value.slice(start, index));
      start = index + 1;
    }
  }
  return [...names, value.slice(start)];
}

/** A comma-separated list of bare family names or names in matched quotes: nothing can leave the CSS declaration it is placed in. */
const FONT_FAMILY = { test: (value: string) => fontFamilyNames(value).every((name) => FONT_FAMILY_NAME.test(name.trim())) };

/** The parameters whose empty value means "the default" (Matomo's embed codes), not an error. */
const STYLING = new Set(['fontColor', 'backgroundColor', 'fontSize', 'fontFamily']);

/** One string value, or undefined when absent; a repeated or nested parameter is invalid. */
function single(query: Query, name: string, accepts: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ParamError(name, `${accepts}, given once`);
  return value;
}

function matching(query: Query, name: string, pattern: Pick<RegExp, 'test'>, accepts: string): string | undefined {
  const value = single(query, name, accepts);
  if (value === undefined) return undefined;
  // Matomo's admin writes `backgroundColor=&fontColor=&fontSize=&fontFamily=` when no styling
  // was chosen: an empty styling value is the default, so those embed codes work unchanged.
  if (value === '' && STYLING.has(name)) return undefined;
  if (value.length > 200 || !pattern.test(value)) throw new ParamError(name, accepts);
  return value;
}

function colour(query: Query, name: string): string | undefined {
  const value = matching(query, name, HEX_COLOUR, 'a hex colour of 3 or 6 digits, "#" optional (e.g. 1f2937)');
  return value === undefined ? undefined : `#${value.replace('#', '').toLowerCase()}`;
}

/** Validates the query; unknown parameters are ignored, the first invalid one throws `ParamError`. */
export function parseFrameParams(query: Query): FrameParams {
  const langAccepts = 'a BCP 47 language tag (e.g. en, pt-BR) or "auto"';
  const lang = matching(query, 'lang', LANG, langAccepts) ?? matching(query, 'language', LANG, langAccepts);
  const showIntro = matching(query, 'showIntro', /^[01]$/, '0 or 1');
  const theme = matching(query, 'theme', /^(light|dark|auto)$/, 'light, dark or auto');
  return {
    lang: lang ?? 'auto',
    showIntro: showIntro !== '0',
    fontColor: colour(query, 'fontColor'),
    backgroundColor: colour(query, 'backgroundColor'),
    fontSize: matching(query, 'fontSize', FONT_SIZE, 'a number with px, pt, em, rem or % (e.g. 16px)'),
    fontFamily: matching(
      query,
      'fontFamily',
      FONT_FAMILY,
      'family names of letters, digits, spaces and "-", separated by commas, optionally in matching quotes',
    ),
    theme: (theme ?? 'auto') as Theme,
  };
}
