// Chinese (Simplified) frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const zh: Language = {
  tag: 'zh',
  name: '简体中文',
  dir: 'ltr',
  texts: {
    title: '退出访问统计',
    intro: '本网站统计访问量以改进自身。您可以选择退出：之后您的访问将不再被统计。',
    optedIn: '您目前参与访问统计。',
    optedOut: '您目前已退出访问统计。',
    optOutButton: '点击此处退出。',
    optInButton: '点击此处重新参与。',
    gpcHonoured: '已遵循您浏览器的全球隐私控制（GPC）信号：您已退出统计。',
    storageBlocked: '您的浏览器不允许此框架记住您的选择，因此无法在此保存。',
    storageAccessButton: '允许此框架记住我的选择',
  },
};
