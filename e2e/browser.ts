// Which Chromium the tests drive: Debian's /usr/bin/chromium when present, Playwright's own otherwise.
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

const debianChromium = '/usr/bin/chromium';

export function chromiumLaunchOptions(): LaunchOptions {
  const args = ['--disable-background-networking', '--disable-component-update', '--no-first-run'];
  // Chromium refuses to run as root with its sandbox on.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return existsSync(debianChromium) ? { executablePath: debianChromium, args } : { args };
}
