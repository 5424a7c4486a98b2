// Galician frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const gl: Language = {
  tag: 'gl',
  name: 'Galego',
  dir: 'ltr',
  texts: {
    title: 'Exclusión da medición de visitas',
    intro: 'Este sitio web mide as visitas para mellorar. Pode excluírse: a partir de entón, as súas visitas deixarán de contarse.',
    optedIn: 'Actualmente participa na medición de visitas.',
    optedOut: 'Actualmente non participa na medición de visitas.',
    optOutButton: 'Prema aquí para excluírse.',
    optInButton: 'Prema aquí para volver participar.',
    gpcHonoured: 'Respéctase o sinal Global Privacy Control do seu navegador: non participa na medición.',
    storageBlocked: 'O seu navegador non permite que este marco lembre a súa elección, polo que non se pode gardar aquí.',
    storageAccessButton: 'Permitir que este marco lembre a miña elección',
  },
};
