// Irish frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const ga: Language = {
  tag: 'ga',
  name: 'Gaeilge',
  dir: 'ltr',
  texts: {
    title: 'Diúltú do thomhas na gcuairteanna',
    intro:
      'Tomhaiseann an suíomh gréasáin seo cuairteanna chun feabhas a chur air féin. Is féidir leat diúltú: ansin ní chomhairfear do chuairteanna a thuilleadh.',
    optedIn: 'Tá tú páirteach i dtomhas na gcuairteanna faoi láthair.',
    optedOut: 'Níl tú páirteach i dtomhas na gcuairteanna faoi láthair.',
    optOutButton: 'Cliceáil anseo chun diúltú.',
    optInButton: 'Cliceáil anseo chun páirt a ghlacadh arís.',
    gpcHonoured: 'Urramaítear comhartha Global Privacy Control do bhrabhsálaí: níl tú páirteach.',
    storageBlocked: 'Ní ligeann do bhrabhsálaí don fhráma seo do rogha a choinneáil i gcuimhne, mar sin ní féidir í a choinneáil anseo.',
    storageAccessButton: 'Lig don fhráma seo mo rogha a choinneáil i gcuimhne',
  },
};
