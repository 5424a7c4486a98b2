// Romanian frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const ro: Language = {
  tag: 'ro',
  name: 'Română',
  dir: 'ltr',
  texts: {
    title: 'Renunțare la măsurarea vizitelor',
    intro: 'Acest site măsoară vizitele pentru a se îmbunătăți. Puteți renunța: vizitele dumneavoastră nu vor mai fi numărate.',
    optedIn: 'În prezent participați la măsurarea vizitelor.',
    optedOut: 'În prezent nu participați la măsurarea vizitelor.',
    optOutButton: 'Faceți clic aici pentru a renunța.',
    optInButton: 'Faceți clic aici pentru a participa din nou.',
    gpcHonoured: 'Semnalul Global Privacy Control al browserului dumneavoastră este respectat: nu participați.',
    storageBlocked: 'Browserul dumneavoastră nu permite acestui cadru să rețină alegerea, așa că ea nu poate fi păstrată aici.',
    storageAccessButton: 'Permiteți acestui cadru să rețină alegerea mea',
  },
};
