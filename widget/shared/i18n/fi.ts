// Finnish frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const fi: Language = {
  tag: 'fi',
  name: 'Suomi',
  dir: 'ltr',
  texts: {
    title: 'Kävijäseurannasta kieltäytyminen',
    intro: 'Tämä sivusto mittaa käyntejä kehittääkseen itseään. Voit kieltäytyä: silloin käyntejäsi ei enää lasketa.',
    optedIn: 'Olet tällä hetkellä mukana kävijäseurannassa.',
    optedOut: 'Et ole tällä hetkellä mukana kävijäseurannassa.',
    optOutButton: 'Napsauta tästä kieltäytyäksesi.',
    optInButton: 'Napsauta tästä tullaksesi taas mukaan.',
    gpcHonoured: 'Selaimesi Global Privacy Control -signaalia noudatetaan: et ole mukana seurannassa.',
    storageBlocked: 'Selaimesi ei salli tämän kehyksen muistaa valintaasi, joten sitä ei voi tallentaa tähän.',
    storageAccessButton: 'Salli tämän kehyksen muistaa valintani',
  },
};
