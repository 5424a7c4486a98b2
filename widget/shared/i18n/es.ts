// Spanish frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const es: Language = {
  tag: 'es',
  name: 'Español',
  dir: 'ltr',
  texts: {
    title: 'Exclusión de la medición de visitas',
    intro: 'Este sitio web mide las visitas para mejorar. Puede excluirse: a partir de entonces, sus visitas dejarán de contarse.',
    optedIn: 'Actualmente participa en la medición de visitas.',
    optedOut: 'Actualmente no participa en la medición de visitas.',
    optOutButton: 'Haga clic aquí para excluirse.',
    optInButton: 'Haga clic aquí para volver a participar.',
    gpcHonoured: 'Se respeta la señal Global Privacy Control de su navegador: no participa en la medición.',
    storageBlocked: 'Su navegador no permite que este marco recuerde su elección, por lo que no puede guardarse aquí.',
    storageAccessButton: 'Permitir que este marco recuerde mi elección',
  },
};
