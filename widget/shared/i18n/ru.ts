// Russian frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const ru: Language = {
  tag: 'ru',
  name: 'Русский',
  dir: 'ltr',
  texts: {
    title: 'Отказ от учёта посещений',
    intro:
      'Этот сайт учитывает посещения, чтобы становиться лучше. Вы можете отказаться: тогда ваши посещения больше не будут учитываться.',
    optedIn: 'Сейчас вы участвуете в учёте посещений.',
    optedOut: 'Сейчас вы не участвуете в учёте посещений.',
    optOutButton: 'Нажмите здесь, чтобы отказаться.',
    optInButton: 'Нажмите здесь, чтобы снова участвовать.',
    gpcHonoured: 'Сигнал Global Privacy Control вашего браузера учтён: вы не участвуете в учёте посещений.',
    storageBlocked: 'Ваш браузер не позволяет этой рамке запомнить ваш выбор, поэтому здесь его сохранить нельзя.',
    storageAccessButton: 'Разрешить этой рамке запомнить мой выбор',
  },
};
