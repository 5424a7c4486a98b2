// Icelandic frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const is: Language = {
  tag: 'is',
  name: 'Íslenska',
  dir: 'ltr',
  texts: {
    title: 'Afþökkun heimsóknamælinga',
    intro: 'Þetta vefsvæði mælir heimsóknir til að bæta sig. Þú getur afþakkað: þá verða heimsóknir þínar ekki lengur taldar.',
    optedIn: 'Þú tekur nú þátt í heimsóknamælingum.',
    optedOut: 'Þú tekur nú ekki þátt í heimsóknamælingum.',
    optOutButton: 'Smelltu hér til að afþakka.',
    optInButton: 'Smelltu hér til að taka þátt á ný.',
    gpcHonoured: 'Farið er eftir Global Privacy Control-merki vafrans þíns: þú tekur ekki þátt.',
    storageBlocked: 'Vafrinn þinn leyfir þessum ramma ekki að muna val þitt, svo ekki er hægt að geyma það hér.',
    storageAccessButton: 'Leyfa þessum ramma að muna val mitt',
  },
};
