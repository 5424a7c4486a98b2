// Catalan frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const ca: Language = {
  tag: 'ca',
  name: 'Català',
  dir: 'ltr',
  texts: {
    title: 'Exclusió de la mesura de visites',
    intro:
      'Aquest lloc web mesura les visites per millorar. Pot excloure-se’n: a partir d’aleshores, les seves visites ja no es comptaran.',
    optedIn: 'Actualment participa en la mesura de visites.',
    optedOut: 'Actualment no participa en la mesura de visites.',
    optOutButton: 'Faci clic aquí per excloure-se’n.',
    optInButton: 'Faci clic aquí per tornar a participar-hi.',
    gpcHonoured: 'Es respecta el senyal Global Privacy Control del seu navegador: no participa en la mesura.',
    storageBlocked: 'El seu navegador no permet que aquest marc recordi la seva elecció, de manera que no es pot conservar aquí.',
    storageAccessButton: 'Permetre que aquest marc recordi la meva elecció',
  },
};
