// Serbian frame texts in Cyrillic, the script shipped for `sr` (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const sr: Language = {
  tag: 'sr',
  name: 'Српски',
  dir: 'ltr',
  texts: {
    title: 'Одустајање од мерења посета',
    intro: 'Овај веб-сајт мери посете да би се побољшао. Можете да одустанете: тада се Ваше посете више неће бројати.',
    optedIn: 'Тренутно учествујете у мерењу посета.',
    optedOut: 'Тренутно не учествујете у мерењу посета.',
    optOutButton: 'Кликните овде да бисте одустали.',
    optInButton: 'Кликните овде да бисте поново учествовали.',
    gpcHonoured: 'Поштује се сигнал Global Privacy Control Вашег прегледача: не учествујете у мерењу.',
    storageBlocked: 'Ваш прегледач не дозвољава овом оквиру да запамти Ваш избор, па он овде не може да се сачува.',
    storageAccessButton: 'Дозволи овом оквиру да запамти мој избор',
  },
};
