// Portuguese frame texts, Brazilian: `pt` and `pt-BR` (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const pt: Language = {
  tag: 'pt',
  name: 'Português (Brasil)',
  dir: 'ltr',
  texts: {
    title: 'Exclusão da medição de visitas',
    intro: 'Este site mede as visitas para melhorar. Você pode deixar de participar: a partir daí, suas visitas não serão mais contadas.',
    optedIn: 'No momento, você participa da medição de visitas.',
    optedOut: 'No momento, você não participa da medição de visitas.',
    optOutButton: 'Clique aqui para deixar de participar.',
    optInButton: 'Clique aqui para voltar a participar.',
    gpcHonoured: 'O sinal Global Privacy Control do seu navegador é respeitado: você não participa da medição.',
    storageBlocked: 'Seu navegador não permite que este quadro guarde sua escolha, por isso ela não pode ser mantida aqui.',
    storageAccessButton: 'Permitir que este quadro guarde minha escolha',
  },
};
