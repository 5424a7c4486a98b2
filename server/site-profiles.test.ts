// buildProfiles / requestProfile: which origins, default, texts and theme a request gets, with and without site=.
import { describe, expect, it } from 'vitest';
import { de } from '../widget/shared/i18n/de.js';
import { en } from '../widget/shared/i18n/en.js';
import { loadConfig } from './config/index.js';
import { ParamError } from '../widget/shared/frame-params.js';
import { buildProfiles, requestProfile } from './site-profiles.js';
import { writeConfigFile } from './testing/config-files.js';

const FILE = {
  texts: { en: { intro: 'Top intro.' } },
  sites: {
    news: {
      allowedOrigins: ['https://news.example.org'],
      default: 'out',
      texts: { en: { title: 'News opt-out' } },
      theme: { fontColor: '222' },
    },
    shop: { allowedOrigins: ['https://shop.example.org', 'https://www.shop.example.org'], texts: { de: { intro: 'Laden.' } } },
  },
};

const profiles = buildProfiles(
  loadConfig({ OPTOUT_CONFIG: writeConfigFile(FILE), OPTOUT_ALLOWED_ORIGINS: 'https://main.example.org', OPTOUT_DEFAULT: 'in' }),
);

function refusal(query: Record<string, unknown>): ParamError {
  try {
    requestProfile(profiles, query);
  } catch (error) {
    expect(error).toBeInstanceOf(ParamError);
    return error as ParamError;
  }
  throw new Error(`accepted ${JSON.stringify(query)}`);
}

describe('profiles', () => {
  it('without site=: the environment origins and default, the top-level texts over the shipped ones', () => {
    const top = requestProfile(profiles, {});
    expect(top).toMatchObject({ site: undefined, config: { allowedOrigins: ['https://main.example.org'], defaultState: 'in' }, theme: {} });
    expect(top.texts(en)).toEqual({ ...en.texts, intro: 'Top intro.' });
    expect(top.texts(de)).toBe(de.texts);
  });

  it("site=news: only the site's origins, its own default, its texts over the top level's, its theme", () => {
    const news = requestProfile(profiles, { site: 'news' });
    expect(news).toMatchObject({
      site: 'news',
      config: { allowedOrigins: ['https://news.example.org'], defaultState: 'out', cookieName: 'optout' },
      theme: { fontColor: '222' },
    });
    expect(news.texts(en)).toEqual({ ...en.texts, intro: 'Top intro.', title: 'News opt-out' });
    // Worked out once per language.
    expect(news.texts(en)).toBe(news.texts(en));
  });

  it('site=shop: without its own default it takes OPTOUT_DEFAULT', () => {
    const shop = requestProfile(profiles, { site: 'shop' });
    expect(shop.config.defaultState).toBe('in');
    expect(shop.texts(de).intro).toBe('Laden.');
    expect(shop.texts(en).intro).toBe('Top intro.');
  });

  it('an unknown, repeated or prototype-named site is a 400 naming "site"; only an id-shaped value is shown back', () => {
    expect(refusal({ site: 'blog' }).message).toBe(
      'Invalid parameter "site": expected the id of a site configured on this host ("blog" is not one).',
    );
    expect(refusal({ site: 'constructor' }).parameter).toBe('site');
    expect(refusal({ site: '__proto__' }).message).not.toContain('__proto__');
    expect(refusal({ site: '<b>x</b>' }).message).not.toContain('<b>');
    expect(refusal({ site: ['news', 'shop'] }).parameter).toBe('site');
    expect(refusal({ site: '' }).parameter).toBe('site');
  });

  it('without a file there are no sites, and any site= says so', () => {
    const bare = buildProfiles(loadConfig({}));
    expect(bare.top.config).toMatchObject({ allowedOrigins: [], defaultState: 'in' });
    expect(bare.top.texts(en)).toBe(en.texts);
    expect(() => requestProfile(bare, { site: 'news' })).toThrow('none: this host has no OPTOUT_CONFIG sites');
  });
});
