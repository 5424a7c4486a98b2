// Latvian frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const lv: Language = {
  tag: 'lv',
  name: 'Latviešu',
  dir: 'ltr',
  texts: {
    title: 'Atteikšanās no apmeklējumu mērīšanas',
    intro: 'Šī tīmekļa vietne mēra apmeklējumus, lai sevi uzlabotu. Jūs varat atteikties: tad Jūsu apmeklējumi vairs netiks skaitīti.',
    optedIn: 'Pašlaik Jūs piedalāties apmeklējumu mērīšanā.',
    optedOut: 'Pašlaik Jūs nepiedalāties apmeklējumu mērīšanā.',
    optOutButton: 'Noklikšķiniet šeit, lai atteiktos.',
    optInButton: 'Noklikšķiniet šeit, lai atkal piedalītos.',
    gpcHonoured: 'Jūsu pārlūkprogrammas Global Privacy Control signāls tiek ievērots: Jūs nepiedalāties mērīšanā.',
    storageBlocked: 'Jūsu pārlūkprogramma neļauj šim rāmim atcerēties Jūsu izvēli, tāpēc to šeit nevar saglabāt.',
    storageAccessButton: 'Atļaut šim rāmim atcerēties manu izvēli',
  },
};
