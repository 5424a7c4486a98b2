// Slovak frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const sk: Language = {
  tag: 'sk',
  name: 'Slovenčina',
  dir: 'ltr',
  texts: {
    title: 'Odmietnutie merania návštevnosti',
    intro: 'Tento web meria návštevnosť, aby sa mohol zlepšovať. Môžete to odmietnuť: vaše návštevy sa potom už nebudú započítavať.',
    optedIn: 'Momentálne sa zúčastňujete na meraní návštevnosti.',
    optedOut: 'Momentálne sa nezúčastňujete na meraní návštevnosti.',
    optOutButton: 'Kliknite sem, ak sa nechcete zúčastňovať.',
    optInButton: 'Kliknite sem, ak sa chcete znova zúčastňovať.',
    gpcHonoured: 'Signál Global Privacy Control vášho prehliadača sa rešpektuje: na meraní sa nezúčastňujete.',
    storageBlocked: 'Váš prehliadač tomuto rámu nedovoľuje zapamätať si vašu voľbu, preto ju tu nemožno uložiť.',
    storageAccessButton: 'Povoliť tomuto rámu zapamätať si moju voľbu',
  },
};
