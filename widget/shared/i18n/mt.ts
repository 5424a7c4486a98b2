// Maltese frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const mt: Language = {
  tag: 'mt',
  name: 'Malti',
  dir: 'ltr',
  texts: {
    title: 'Rinunzja għall-kejl taż-żjarat',
    intro:
      'Dan is-sit web ikejjel iż-żjarat biex jitjieb. Tista’ tagħżel li ma tipparteċipax: imbagħad iż-żjarat tiegħek ma jibqgħux jingħaddu.',
    optedIn: 'Bħalissa qed tipparteċipa fil-kejl taż-żjarat.',
    optedOut: 'Bħalissa mhux qed tipparteċipa fil-kejl taż-żjarat.',
    optOutButton: 'Ikklikkja hawn biex ma tipparteċipax.',
    optInButton: 'Ikklikkja hawn biex terġa’ tipparteċipa.',
    gpcHonoured: 'Is-sinjal Global Privacy Control tal-browser tiegħek qed jiġi rispettat: mhux qed tipparteċipa.',
    storageBlocked: 'Il-browser tiegħek ma jħallix lil dan il-qafas jiftakar l-għażla tiegħek, għalhekk ma tistax tinżamm hawn.',
    storageAccessButton: 'Ħalli lil dan il-qafas jiftakar l-għażla tiegħi',
  },
};
