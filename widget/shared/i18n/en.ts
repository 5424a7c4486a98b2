// English frame texts, the fallback for every other language.
import type { Language } from './texts.js';

export const en: Language = {
  tag: 'en',
  name: 'English',
  dir: 'ltr',
  texts: {
    title: 'Analytics opt-out',
    intro: 'This website measures visits to improve itself. You can opt out: your visits will then no longer be counted.',
    optedIn: 'You are currently opted in.',
    optedOut: 'You are currently opted out.',
    optOutButton: 'Click here to opt out.',
    optInButton: 'Click here to opt in.',
    gpcHonoured: "Your browser's Global Privacy Control signal is honoured: you are opted out.",
    storageBlocked: 'Your browser does not let this frame remember your choice, so it cannot be kept here.',
    storageAccessButton: 'Allow this frame to remember my choice',
  },
};
