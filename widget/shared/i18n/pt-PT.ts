// European Portuguese frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const ptPT: Language = {
  tag: 'pt-PT',
  name: 'Português (Portugal)',
  dir: 'ltr',
  aliases: ['pt-AO', 'pt-CV', 'pt-GW', 'pt-MZ', 'pt-ST', 'pt-TL', 'pt-MO', 'pt-GQ', 'pt-CH', 'pt-LU'],
  texts: {
    title: 'Recusa da medição de visitas',
    intro:
      'Este sítio Web mede as visitas para melhorar. Pode recusar a participação: a partir desse momento, as suas visitas deixarão de ser contadas.',
    optedIn: 'Neste momento, está a participar na medição de visitas.',
    optedOut: 'Neste momento, não está a participar na medição de visitas.',
    optOutButton: 'Clique aqui para recusar a participação.',
    optInButton: 'Clique aqui para participar novamente.',
    gpcHonoured: 'O sinal Global Privacy Control do seu navegador é respeitado: não está a participar na medição.',
    storageBlocked: 'O seu navegador não permite que este quadro guarde a sua escolha, pelo que não é possível mantê-la aqui.',
    storageAccessButton: 'Permitir que este quadro guarde a minha escolha',
  },
};
