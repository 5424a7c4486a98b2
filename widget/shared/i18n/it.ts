// Italian frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const it: Language = {
  tag: 'it',
  name: 'Italiano',
  dir: 'ltr',
  texts: {
    title: 'Rinuncia alla misurazione delle visite',
    intro: 'Questo sito misura le visite per migliorarsi. Puoi rinunciare: da quel momento le tue visite non verranno più conteggiate.',
    optedIn: 'Attualmente partecipi alla misurazione delle visite.',
    optedOut: 'Attualmente non partecipi alla misurazione delle visite.',
    optOutButton: 'Fai clic qui per non partecipare più.',
    optInButton: 'Fai clic qui per partecipare di nuovo.',
    gpcHonoured: 'Il segnale Global Privacy Control del tuo browser è rispettato: non partecipi alla misurazione.',
    storageBlocked: 'Il tuo browser non consente a questo riquadro di ricordare la tua scelta, quindi qui non può essere conservata.',
    storageAccessButton: 'Consenti a questo riquadro di ricordare la mia scelta',
  },
};
