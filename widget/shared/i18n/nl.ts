// Dutch frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const nl: Language = {
  tag: 'nl',
  name: 'Nederlands',
  dir: 'ltr',
  texts: {
    title: 'Afmelden voor bezoekersmeting',
    intro: 'Deze website meet bezoeken om zichzelf te verbeteren. U kunt zich afmelden: uw bezoeken worden dan niet meer geteld.',
    optedIn: 'U doet momenteel mee aan de bezoekersmeting.',
    optedOut: 'U doet momenteel niet mee aan de bezoekersmeting.',
    optOutButton: 'Klik hier om u af te melden.',
    optInButton: 'Klik hier om weer mee te doen.',
    gpcHonoured: 'Het Global Privacy Control-signaal van uw browser wordt gerespecteerd: u doet niet mee.',
    storageBlocked: 'Uw browser staat niet toe dat dit kader uw keuze onthoudt, dus die kan hier niet worden bewaard.',
    storageAccessButton: 'Dit kader toestaan mijn keuze te onthouden',
  },
};
