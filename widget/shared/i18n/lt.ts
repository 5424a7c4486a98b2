// Lithuanian frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const lt: Language = {
  tag: 'lt',
  name: 'Lietuvių',
  dir: 'ltr',
  texts: {
    title: 'Apsilankymų matavimo atsisakymas',
    intro: 'Ši svetainė matuoja apsilankymus, kad galėtų tobulėti. Galite atsisakyti: tada Jūsų apsilankymai nebebus skaičiuojami.',
    optedIn: 'Šiuo metu dalyvaujate apsilankymų matavime.',
    optedOut: 'Šiuo metu nedalyvaujate apsilankymų matavime.',
    optOutButton: 'Spustelėkite čia, kad atsisakytumėte.',
    optInButton: 'Spustelėkite čia, kad vėl dalyvautumėte.',
    gpcHonoured: 'Jūsų naršyklės „Global Privacy Control“ signalo paisoma: Jūs nedalyvaujate matavime.',
    storageBlocked: 'Jūsų naršyklė neleidžia šiam rėmeliui įsiminti Jūsų pasirinkimo, todėl jo čia išsaugoti negalima.',
    storageAccessButton: 'Leisti šiam rėmeliui įsiminti mano pasirinkimą',
  },
};
