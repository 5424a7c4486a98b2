// Shared e2e helpers: the opt-out frame on a demo page, seen as a visitor sees it (roles and texts).
import type { FrameLocator, Page } from '@playwright/test';
import { HOST_ORIGIN } from './origins.js';

/** The opt-out frame embedded from the host's origin. */
export function optOutFrame(page: Page): FrameLocator {
  return page.frameLocator(`iframe[src^="${HOST_ORIGIN}/optout"]`);
}

export const texts = {
  optedIn: 'You are currently opted in.',
  optedOut: 'You are currently opted out.',
  optOutButton: 'Click here to opt out.',
  optInButton: 'Click here to opt in.',
} as const;
