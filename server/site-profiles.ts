// The profile a request asks for with `site=<id>`: that site's origins, default, texts and theming defaults, or the top level's without it.
import type { FrameTexts, Language } from '../widget/shared/i18n/index.js';
import type { ConfigFile, SiteProfile, ThemeDefaults } from './config/file.js';
import type { HostConfig } from './config/index.js';
import { mergeTexts } from './config/texts.js';
import { ParamError } from '../widget/shared/frame-params.js';

export interface Profile {
  /** The `site=<id>` that chose it; undefined for the top level. */
  readonly site: string | undefined;
  /**
   * The host's configuration as this profile sees it: its `allowedOrigins` (who may frame it and
   * get answers; empty = anyone) and its `defaultState`, so routes use it wherever they used the host's.
   */
  readonly config: HostConfig;
  /** Theming defaults; the request's own query parameters win over them. */
  readonly theme: ThemeDefaults;
  /** The frame's texts in `language`: shipped, then the file's top level, then the site's own. */
  texts(language: Language): FrameTexts;
}

/** The texts of `site` (or the top level) in `language`, merged in the documented order. */
export function siteTexts(file: ConfigFile | undefined, site: string | undefined, language: Language): FrameTexts {
  return mergeTexts(language, [file?.texts, site === undefined ? undefined : file?.sites.get(site)?.texts]);
}

/**
 * The top level's profile, or `site`'s, with its merged texts worked out once per language. A
 * site's own `allowedOrigins` replace the environment's (never add to them: one customer's pages
 * must not reach another's profile), and its `default` wins over `OPTOUT_DEFAULT` when given.
 */
function profile(config: HostConfig, site?: SiteProfile): Profile {
  const merged = new Map<string, FrameTexts>();
  const allowedOrigins = site?.allowedOrigins ?? config.allowedOrigins;
  return Object.freeze({
    site: site?.id,
    config: Object.freeze({ ...config, allowedOrigins, defaultState: site?.defaultState ?? config.defaultState }),
    theme: site?.theme ?? {},
    texts(language: Language): FrameTexts {
      let texts = merged.get(language.tag);
      if (!texts) merged.set(language.tag, (texts = siteTexts(config.configFile, site?.id, language)));
      return texts;
    },
  });
}

export interface Profiles {
  /** Requests without `site=`: the environment's origins and default, the file's top-level texts. */
  readonly top: Profile;
  /** Every site of the file, by id. */
  readonly sites: ReadonlyMap<string, Profile>;
}

/** Every profile, built once at start-up. */
export function buildProfiles(config: HostConfig): Profiles {
  const sites = [...(config.configFile?.sites.values() ?? [])];
  return { top: profile(config), sites: new Map(sites.map((site) => [site.id, profile(config, site)])) };
}

/** Safe to show back in the 400 page: the shape of a site id, nothing that could be markup. */
const SHOWABLE_ID = /^[a-z0-9-]{1,63}$/;

/** The profile `query.site` names, the top level without it; an unknown or repeated `site` is a `ParamError`. */
export function requestProfile(profiles: Profiles, query: Readonly<Record<string, unknown>>): Profile {
  const site = query.site;
  if (site === undefined) return profiles.top;
  const found = typeof site === 'string' ? profiles.sites.get(site) : undefined;
  if (found) return found;
  const ids = profiles.sites.size === 0 ? 'none: this host has no OPTOUT_CONFIG sites' : 'the id of a site configured on this host';
  const named = typeof site === 'string' && SHOWABLE_ID.test(site) ? `${ids} ("${site}" is not one)` : ids;
  throw new ParamError('site', named);
}
