// Arabic frame texts (RTL), written for optout-frame.
import type { Language } from './texts.js';

export const ar: Language = {
  tag: 'ar',
  name: 'العربية',
  dir: 'rtl',
  texts: {
    title: 'إلغاء الاشتراك في قياس الزيارات',
    intro: 'يقيس هذا الموقع الزيارات ليحسّن نفسه. يمكنك إلغاء الاشتراك: عندها لن تُحتسب زياراتك بعد الآن.',
    optedIn: 'أنت مشترك حاليًا في قياس الزيارات.',
    optedOut: 'أنت غير مشترك حاليًا في قياس الزيارات.',
    optOutButton: 'انقر هنا لإلغاء الاشتراك.',
    optInButton: 'انقر هنا للاشتراك مجددًا.',
    gpcHonoured: 'تُحترم إشارة «التحكم العالمي في الخصوصية» (GPC) الصادرة عن متصفحك: أنت غير مشترك.',
    storageBlocked: 'لا يسمح متصفحك لهذا الإطار بتذكّر اختيارك، لذا لا يمكن حفظه هنا.',
    storageAccessButton: 'السماح لهذا الإطار بتذكّر اختياري',
  },
};
