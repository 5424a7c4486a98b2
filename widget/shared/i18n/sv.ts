// Swedish frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const sv: Language = {
  tag: 'sv',
  name: 'Svenska',
  dir: 'ltr',
  texts: {
    title: 'Avstå från besöksmätning',
    intro: 'Den här webbplatsen mäter besök för att bli bättre. Du kan avstå: då räknas dina besök inte längre.',
    optedIn: 'Du deltar för närvarande i besöksmätningen.',
    optedOut: 'Du deltar för närvarande inte i besöksmätningen.',
    optOutButton: 'Klicka här för att avstå.',
    optInButton: 'Klicka här för att delta igen.',
    gpcHonoured: 'Din webbläsares Global Privacy Control-signal respekteras: du deltar inte.',
    storageBlocked: 'Din webbläsare låter inte den här ramen komma ihåg ditt val, så det kan inte sparas här.',
    storageAccessButton: 'Låt den här ramen komma ihåg mitt val',
  },
};
