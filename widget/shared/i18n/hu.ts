// Hungarian frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const hu: Language = {
  tag: 'hu',
  name: 'Magyar',
  dir: 'ltr',
  texts: {
    title: 'Leiratkozás a látogatásmérésről',
    intro: 'Ez a webhely a fejlesztése érdekében méri a látogatásokat. Ön leiratkozhat: ezután a látogatásait többé nem számoljuk.',
    optedIn: 'Ön jelenleg részt vesz a látogatásmérésben.',
    optedOut: 'Ön jelenleg nem vesz részt a látogatásmérésben.',
    optOutButton: 'Kattintson ide a leiratkozáshoz.',
    optInButton: 'Kattintson ide az ismételt részvételhez.',
    gpcHonoured: 'Böngészője Global Privacy Control jelzését tiszteletben tartjuk: Ön nem vesz részt a mérésben.',
    storageBlocked: 'Böngészője nem engedi, hogy ez a keret megjegyezze a választását, ezért azt itt nem lehet megőrizni.',
    storageAccessButton: 'Engedélyezem, hogy ez a keret megjegyezze a választásomat',
  },
};
