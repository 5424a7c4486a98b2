// Czech frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const cs: Language = {
  tag: 'cs',
  name: 'Čeština',
  dir: 'ltr',
  texts: {
    title: 'Odmítnutí měření návštěvnosti',
    intro: 'Tento web měří návštěvnost, aby se mohl zlepšovat. Můžete to odmítnout: vaše návštěvy pak už nebudou započítávány.',
    optedIn: 'Momentálně se účastníte měření návštěvnosti.',
    optedOut: 'Momentálně se neúčastníte měření návštěvnosti.',
    optOutButton: 'Klikněte sem, pokud se nechcete účastnit.',
    optInButton: 'Klikněte sem, pokud se chcete znovu účastnit.',
    gpcHonoured: 'Signál Global Privacy Control vašeho prohlížeče je respektován: měření se neúčastníte.',
    storageBlocked: 'Váš prohlížeč tomuto rámu nedovoluje zapamatovat si vaši volbu, proto ji zde nelze uložit.',
    storageAccessButton: 'Povolit tomuto rámu zapamatovat si moji volbu',
  },
};
