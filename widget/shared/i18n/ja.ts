// Japanese frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const ja: Language = {
  tag: 'ja',
  name: '日本語',
  dir: 'ltr',
  texts: {
    title: 'アクセス解析の拒否',
    intro: 'このウェブサイトは改善のために訪問を計測しています。計測を拒否すると、あなたの訪問は今後カウントされません。',
    optedIn: '現在、あなたはアクセス解析の対象です。',
    optedOut: '現在、あなたはアクセス解析の対象外です。',
    optOutButton: 'ここをクリックすると計測を拒否します。',
    optInButton: 'ここをクリックすると計測を再び許可します。',
    gpcHonoured: 'ブラウザーのグローバル プライバシー コントロール (GPC) 信号に従い、計測の対象外としています。',
    storageBlocked: 'お使いのブラウザーはこのフレームが選択内容を記憶することを許可していないため、ここでは保存できません。',
    storageAccessButton: 'このフレームに選択内容の記憶を許可する',
  },
};
