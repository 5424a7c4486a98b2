// Polish frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const pl: Language = {
  tag: 'pl',
  name: 'Polski',
  dir: 'ltr',
  texts: {
    title: 'Rezygnacja z pomiaru odwiedzin',
    intro: 'Ta witryna mierzy odwiedziny, aby się ulepszać. Możesz zrezygnować: Twoje wizyty nie będą wtedy już liczone.',
    optedIn: 'Obecnie uczestniczysz w pomiarze odwiedzin.',
    optedOut: 'Obecnie nie uczestniczysz w pomiarze odwiedzin.',
    optOutButton: 'Kliknij tutaj, aby zrezygnować.',
    optInButton: 'Kliknij tutaj, aby ponownie uczestniczyć.',
    gpcHonoured: 'Sygnał Global Privacy Control Twojej przeglądarki jest respektowany: nie uczestniczysz w pomiarze.',
    storageBlocked: 'Twoja przeglądarka nie pozwala tej ramce zapamiętać Twojego wyboru, więc nie można go tu zachować.',
    storageAccessButton: 'Pozwól tej ramce zapamiętać mój wybór',
  },
};
