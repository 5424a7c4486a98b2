// Korean frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const ko: Language = {
  tag: 'ko',
  name: '한국어',
  dir: 'ltr',
  texts: {
    title: '방문 분석 거부',
    intro: '이 웹사이트는 개선을 위해 방문을 측정합니다. 거부하시면 이후 방문은 더 이상 집계되지 않습니다.',
    optedIn: '현재 방문 측정에 참여하고 있습니다.',
    optedOut: '현재 방문 측정에 참여하고 있지 않습니다.',
    optOutButton: '거부하려면 여기를 클릭하세요.',
    optInButton: '다시 참여하려면 여기를 클릭하세요.',
    gpcHonoured: '브라우저의 GPC(Global Privacy Control) 신호를 존중하여 측정에서 제외되었습니다.',
    storageBlocked: '브라우저가 이 프레임이 선택을 기억하도록 허용하지 않아 여기에 저장할 수 없습니다.',
    storageAccessButton: '이 프레임이 내 선택을 기억하도록 허용',
  },
};
