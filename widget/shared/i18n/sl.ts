// Slovenian frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const sl: Language = {
  tag: 'sl',
  name: 'Slovenščina',
  dir: 'ltr',
  texts: {
    title: 'Zavrnitev merjenja obiskov',
    intro: 'To spletno mesto meri obiske, da bi se izboljšalo. Merjenje lahko zavrnete: vaši obiski se potem ne bodo več šteli.',
    optedIn: 'Trenutno sodelujete pri merjenju obiskov.',
    optedOut: 'Trenutno ne sodelujete pri merjenju obiskov.',
    optOutButton: 'Kliknite tukaj, če ne želite sodelovati.',
    optInButton: 'Kliknite tukaj, če želite znova sodelovati.',
    gpcHonoured: 'Signal Global Privacy Control vašega brskalnika se upošteva: pri merjenju ne sodelujete.',
    storageBlocked: 'Vaš brskalnik temu okvirju ne dovoli, da si zapomni vašo izbiro, zato je tukaj ni mogoče shraniti.',
    storageAccessButton: 'Dovoli temu okvirju, da si zapomni mojo izbiro',
  },
};
