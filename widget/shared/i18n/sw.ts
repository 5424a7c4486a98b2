// Swahili frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const sw: Language = {
  tag: 'sw',
  name: 'Kiswahili',
  dir: 'ltr',
  texts: {
    title: 'Kujiondoa kwenye upimaji wa ziara',
    intro: 'Tovuti hii hupima ziara ili kujiboresha. Unaweza kujiondoa: hapo ziara zako hazitahesabiwa tena.',
    optedIn: 'Kwa sasa unashiriki katika upimaji wa ziara.',
    optedOut: 'Kwa sasa umejiondoa kwenye upimaji wa ziara.',
    optOutButton: 'Bofya hapa ili kujiondoa.',
    optInButton: 'Bofya hapa ili kushiriki tena.',
    gpcHonoured: 'Ishara ya Global Privacy Control ya kivinjari chako inaheshimiwa: umejiondoa kwenye upimaji.',
    storageBlocked: 'Kivinjari chako hakiruhusu fremu hii kukumbuka chaguo lako, kwa hivyo haliwezi kuhifadhiwa hapa.',
    storageAccessButton: 'Ruhusu fremu hii ikumbuke chaguo langu',
  },
};
