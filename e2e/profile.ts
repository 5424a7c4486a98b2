// A Chromium profile on disk for tests that restart the browser or block cookies the way a user does in the settings.
import { chromium, type BrowserContext } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from './browser.js';

/** A user's per-site cookie setting, as chrome://settings/content/cookies writes it (1 allow, 2 block). */
export type CookieSetting = 'allow' | 'block';

export interface Profile {
  readonly dir: string;
  /** Starts Chromium on this profile; close the context to stop it (the profile stays on disk). */
  launch(options?: Parameters<typeof chromium.launchPersistentContext>[1]): Promise<BrowserContext>;
  /** Changes one origin's cookie setting while the browser is closed, as a user would in the settings. */
  setCookies(origin: string, setting: CookieSetting): void;
  /** Closes any browser still running on it (a test that failed midway) and deletes it from disk. */
  remove(): Promise<void>;
}

/**
 * A fresh profile. `cookies` maps origins to the setting a user would choose for them; Chromium
 * reads these from `Default/Preferences` (`profile.content_settings.exceptions.cookies`, keyed
 * `"<origin>,*"`) when it starts. A block applies to every cookie and every storage API of that
 * origin, partitioned or not, in frames and at the top level alike.
 */
export function createProfile(cookies: Readonly<Record<string, CookieSetting>> = {}): Profile {
  const dir = mkdtempSync(join(tmpdir(), 'optout-profile-'));
  mkdirSync(join(dir, 'Default'));
  const preferencesFile = join(dir, 'Default', 'Preferences');
  writeFileSync(preferencesFile, '{}');
  // Chromium rewrites the file on exit, so a change merges into whatever it holds then.
  const setCookies = (origin: string, setting: CookieSetting) => {
    type Preferences = { profile?: { content_settings?: { exceptions?: { cookies?: Record<string, unknown> } } } };
    const preferences = JSON.parse(readFileSync(preferencesFile, 'utf8')) as Preferences;
    const profile = (preferences.profile ??= {});
    const exceptions = ((profile.content_settings ??= {}).exceptions ??= {});
    (exceptions.cookies ??= {})[`${origin},*`] = { setting: setting === 'allow' ? 1 : 2 };
    writeFileSync(preferencesFile, JSON.stringify(preferences));
  };
  for (const [origin, setting] of Object.entries(cookies)) setCookies(origin, setting);
  const launched: BrowserContext[] = [];
  return {
    dir,
    async launch(options = {}) {
      const context = await chromium.launchPersistentContext(dir, { ...chromiumLaunchOptions(), ...options });
      launched.push(context);
      return context;
    },
    setCookies,
    async remove() {
      // Closing an already closed context is a no-op.
      await Promise.all(launched.map((context) => context.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
