// French frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const fr: Language = {
  tag: 'fr',
  name: 'Français',
  dir: 'ltr',
  texts: {
    title: 'Refus de la mesure d’audience',
    intro: 'Ce site mesure sa fréquentation pour s’améliorer. Vous pouvez refuser\u00a0: vos visites ne seront alors plus comptées.',
    optedIn: 'Vous participez actuellement à la mesure d’audience.',
    optedOut: 'Vous ne participez pas actuellement à la mesure d’audience.',
    optOutButton: 'Cliquez ici pour ne plus participer.',
    optInButton: 'Cliquez ici pour participer de nouveau.',
    gpcHonoured: 'Le signal Global Privacy Control de votre navigateur est respecté\u00a0: vous ne participez pas.',
    storageBlocked: 'Votre navigateur ne permet pas à ce cadre de retenir votre choix\u00a0; il ne peut donc pas être conservé ici.',
    storageAccessButton: 'Autoriser ce cadre à retenir mon choix',
  },
};
