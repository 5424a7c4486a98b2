// Basque frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const eu: Language = {
  tag: 'eu',
  name: 'Euskara',
  dir: 'ltr',
  texts: {
    title: 'Bisiten neurketatik kanpo geratzea',
    intro:
      'Webgune honek bisitak neurtzen ditu hobetzeko. Neurketatik kanpo gera zaitezke: orduan, zure bisitak ez dira gehiago zenbatuko.',
    optedIn: 'Une honetan bisiten neurketan parte hartzen duzu.',
    optedOut: 'Une honetan ez duzu bisiten neurketan parte hartzen.',
    optOutButton: 'Egin klik hemen kanpo geratzeko.',
    optInButton: 'Egin klik hemen berriro parte hartzeko.',
    gpcHonoured: 'Zure nabigatzailearen Global Privacy Control seinalea errespetatzen da: ez duzu neurketan parte hartzen.',
    storageBlocked: 'Zure nabigatzaileak ez dio marko honi uzten zure aukera gogoratzen; beraz, ezin da hemen gorde.',
    storageAccessButton: 'Utzi marko honi nire aukera gogoratzen',
  },
};
