// Estonian frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const et: Language = {
  tag: 'et',
  name: 'Eesti',
  dir: 'ltr',
  texts: {
    title: 'Külastuste mõõtmisest loobumine',
    intro: 'See veebisait mõõdab külastusi, et ennast paremaks muuta. Te võite sellest loobuda: siis ei loeta Teie külastusi enam.',
    optedIn: 'Praegu osalete külastuste mõõtmises.',
    optedOut: 'Praegu Te ei osale külastuste mõõtmises.',
    optOutButton: 'Klõpsake siin, et loobuda.',
    optInButton: 'Klõpsake siin, et uuesti osaleda.',
    gpcHonoured: 'Teie brauseri signaali Global Privacy Control järgitakse: Te ei osale mõõtmises.',
    storageBlocked: 'Teie brauser ei luba sellel raamil Teie valikut meelde jätta, seega ei saa seda siin säilitada.',
    storageAccessButton: 'Luba sellel raamil minu valik meelde jätta',
  },
};
