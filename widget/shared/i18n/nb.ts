// Norwegian Bokmål frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const nb: Language = {
  tag: 'nb',
  name: 'Norsk bokmål',
  dir: 'ltr',
  aliases: ['no', 'nn'],
  texts: {
    title: 'Reservasjon mot besøksmåling',
    intro: 'Dette nettstedet måler besøk for å bli bedre. Du kan reservere deg: da blir ikke besøkene dine telt lenger.',
    optedIn: 'Du deltar for øyeblikket i besøksmålingen.',
    optedOut: 'Du deltar for øyeblikket ikke i besøksmålingen.',
    optOutButton: 'Klikk her for å reservere deg.',
    optInButton: 'Klikk her for å delta igjen.',
    gpcHonoured: 'Nettleserens Global Privacy Control-signal blir respektert: du deltar ikke.',
    storageBlocked: 'Nettleseren din lar ikke denne rammen huske valget ditt, så det kan ikke lagres her.',
    storageAccessButton: 'La denne rammen huske valget mitt',
  },
};
