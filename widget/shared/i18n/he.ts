// Hebrew frame texts (RTL), written for optout-frame.
import type { Language } from './texts.js';

export const he: Language = {
  tag: 'he',
  name: 'עברית',
  dir: 'rtl',
  aliases: ['iw'],
  texts: {
    title: 'ביטול השתתפות במדידת ביקורים',
    intro: 'אתר זה מודד ביקורים כדי להשתפר. אפשר לבטל את ההשתתפות: מעתה הביקורים שלך לא ייספרו עוד.',
    optedIn: 'כרגע הביקורים שלך נכללים במדידה.',
    optedOut: 'כרגע הביקורים שלך אינם נכללים במדידה.',
    optOutButton: 'יש ללחוץ כאן כדי לבטל את ההשתתפות.',
    optInButton: 'יש ללחוץ כאן כדי להשתתף שוב.',
    gpcHonoured: 'האות Global Privacy Control של הדפדפן שלך מכובד: הביקורים שלך אינם נכללים במדידה.',
    storageBlocked: 'הדפדפן שלך אינו מאפשר למסגרת זו לזכור את הבחירה שלך, ולכן לא ניתן לשמור אותה כאן.',
    storageAccessButton: 'לאפשר למסגרת זו לזכור את הבחירה שלי',
  },
};
