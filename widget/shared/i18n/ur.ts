// Urdu frame texts (RTL), written for optout-frame.
import type { Language } from './texts.js';

export const ur: Language = {
  tag: 'ur',
  name: 'اردو',
  dir: 'rtl',
  texts: {
    title: 'وزٹس کی پیمائش سے دستبرداری',
    intro:
      'یہ ویب سائٹ خود کو بہتر بنانے کے لیے وزٹس کی پیمائش کرتی ہے۔ آپ اس سے دستبردار ہو سکتے ہیں: پھر آپ کے وزٹس مزید شمار نہیں کیے جائیں گے۔',
    optedIn: 'آپ اس وقت وزٹس کی پیمائش میں شامل ہیں۔',
    optedOut: 'آپ اس وقت وزٹس کی پیمائش میں شامل نہیں ہیں۔',
    optOutButton: 'دستبردار ہونے کے لیے یہاں کلک کریں۔',
    optInButton: 'دوبارہ شامل ہونے کے لیے یہاں کلک کریں۔',
    gpcHonoured: 'آپ کے براؤزر کے Global Privacy Control سگنل کا احترام کیا جاتا ہے: آپ شامل نہیں ہیں۔',
    storageBlocked: 'آپ کا براؤزر اس فریم کو آپ کا انتخاب یاد رکھنے کی اجازت نہیں دیتا، اس لیے اسے یہاں محفوظ نہیں کیا جا سکتا۔',
    storageAccessButton: 'اس فریم کو میرا انتخاب یاد رکھنے کی اجازت دیں',
  },
};
