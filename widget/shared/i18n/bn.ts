// Bengali frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const bn: Language = {
  tag: 'bn',
  name: 'বাংলা',
  dir: 'ltr',
  texts: {
    title: 'ভিজিট পরিমাপ থেকে বাদ থাকা',
    intro: 'এই ওয়েবসাইটটি নিজেকে উন্নত করতে ভিজিট পরিমাপ করে। আপনি এর থেকে বাদ থাকতে পারেন: তখন আপনার ভিজিট আর গণনা করা হবে না।',
    optedIn: 'আপনি এখন ভিজিট পরিমাপে অংশ নিচ্ছেন।',
    optedOut: 'আপনি এখন ভিজিট পরিমাপে অংশ নিচ্ছেন না।',
    optOutButton: 'বাদ থাকতে এখানে ক্লিক করুন।',
    optInButton: 'আবার অংশ নিতে এখানে ক্লিক করুন।',
    gpcHonoured: 'আপনার ব্রাউজারের Global Privacy Control সংকেত মেনে চলা হচ্ছে: আপনি অংশ নিচ্ছেন না।',
    storageBlocked: 'আপনার ব্রাউজার এই ফ্রেমটিকে আপনার পছন্দ মনে রাখতে দেয় না, তাই এটি এখানে সংরক্ষণ করা যাবে না।',
    storageAccessButton: 'এই ফ্রেমটিকে আমার পছন্দ মনে রাখতে দিন',
  },
};
