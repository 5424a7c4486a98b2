// German frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const de: Language = {
  tag: 'de',
  name: 'Deutsch',
  dir: 'ltr',
  texts: {
    title: 'Widerspruch gegen die Besuchsmessung',
    intro: 'Diese Website misst Besuche, um sich zu verbessern. Sie können widersprechen: Ihre Besuche werden dann nicht mehr gezählt.',
    optedIn: 'Sie nehmen derzeit an der Besuchsmessung teil.',
    optedOut: 'Sie nehmen derzeit nicht an der Besuchsmessung teil.',
    optOutButton: 'Hier klicken, um nicht mehr teilzunehmen.',
    optInButton: 'Hier klicken, um wieder teilzunehmen.',
    gpcHonoured: 'Das Signal „Global Privacy Control“ Ihres Browsers wird beachtet: Sie nehmen nicht teil.',
    storageBlocked: 'Ihr Browser erlaubt diesem Rahmen nicht, Ihre Wahl zu speichern; sie kann hier daher nicht festgehalten werden.',
    storageAccessButton: 'Diesem Rahmen erlauben, meine Wahl zu speichern',
  },
};
