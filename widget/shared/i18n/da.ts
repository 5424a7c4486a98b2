// Danish frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const da: Language = {
  tag: 'da',
  name: 'Dansk',
  dir: 'ltr',
  texts: {
    title: 'Fravalg af besøgsmåling',
    intro: 'Dette websted måler besøg for at blive bedre. Du kan fravælge det: så bliver dine besøg ikke længere talt med.',
    optedIn: 'Du deltager i øjeblikket i besøgsmålingen.',
    optedOut: 'Du deltager i øjeblikket ikke i besøgsmålingen.',
    optOutButton: 'Klik her for at fravælge.',
    optInButton: 'Klik her for at deltage igen.',
    gpcHonoured: 'Din browsers Global Privacy Control-signal respekteres: du deltager ikke.',
    storageBlocked: 'Din browser tillader ikke denne ramme at huske dit valg, så det kan ikke gemmes her.',
    storageAccessButton: 'Tillad denne ramme at huske mit valg',
  },
};
