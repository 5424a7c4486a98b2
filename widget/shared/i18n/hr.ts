// Croatian frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const hr: Language = {
  tag: 'hr',
  name: 'Hrvatski',
  dir: 'ltr',
  texts: {
    title: 'Odustajanje od mjerenja posjeta',
    intro: 'Ova web-stranica mjeri posjete kako bi se poboljšala. Možete odustati: Vaši se posjeti tada više neće brojati.',
    optedIn: 'Trenutačno sudjelujete u mjerenju posjeta.',
    optedOut: 'Trenutačno ne sudjelujete u mjerenju posjeta.',
    optOutButton: 'Kliknite ovdje kako biste odustali.',
    optInButton: 'Kliknite ovdje kako biste ponovno sudjelovali.',
    gpcHonoured: 'Poštuje se signal Global Privacy Control Vašeg preglednika: ne sudjelujete u mjerenju.',
    storageBlocked: 'Vaš preglednik ne dopušta ovom okviru da zapamti Vaš odabir, pa ga ovdje nije moguće sačuvati.',
    storageAccessButton: 'Dopusti ovom okviru da zapamti moj odabir',
  },
};
