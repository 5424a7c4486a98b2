// Filipino frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const fil: Language = {
  tag: 'fil',
  name: 'Filipino',
  dir: 'ltr',
  aliases: ['tl'],
  texts: {
    title: 'Pagtanggi sa pagsukat ng mga pagbisita',
    intro:
      'Sinusukat ng website na ito ang mga pagbisita upang mapabuti ang sarili. Maaari kayong tumanggi: sa gayon, hindi na bibilangin ang inyong mga pagbisita.',
    optedIn: 'Sa kasalukuyan, kasali kayo sa pagsukat ng mga pagbisita.',
    optedOut: 'Sa kasalukuyan, hindi kayo kasali sa pagsukat ng mga pagbisita.',
    optOutButton: 'Mag-click dito upang tumanggi.',
    optInButton: 'Mag-click dito upang sumaling muli.',
    gpcHonoured: 'Iginagalang ang signal na Global Privacy Control ng inyong browser: hindi kayo kasali sa pagsukat.',
    storageBlocked: 'Hindi pinapayagan ng inyong browser ang frame na ito na tandaan ang inyong pinili, kaya hindi ito maitatago rito.',
    storageAccessButton: 'Payagan ang frame na ito na tandaan ang aking pinili',
  },
};
