// Turkish frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const tr: Language = {
  tag: 'tr',
  name: 'Türkçe',
  dir: 'ltr',
  texts: {
    title: 'Ziyaret ölçümünden çıkma',
    intro: 'Bu web sitesi kendini geliştirmek için ziyaretleri ölçer. Ölçümden çıkabilirsiniz: bundan sonra ziyaretleriniz sayılmaz.',
    optedIn: 'Şu anda ziyaret ölçümüne dahilsiniz.',
    optedOut: 'Şu anda ziyaret ölçümüne dahil değilsiniz.',
    optOutButton: 'Ölçümden çıkmak için buraya tıklayın.',
    optInButton: 'Yeniden katılmak için buraya tıklayın.',
    gpcHonoured: 'Tarayıcınızın Global Privacy Control sinyaline uyuluyor: ölçüme dahil değilsiniz.',
    storageBlocked: 'Tarayıcınız bu çerçevenin seçiminizi hatırlamasına izin vermiyor; bu yüzden seçiminiz burada saklanamıyor.',
    storageAccessButton: 'Bu çerçevenin seçimimi hatırlamasına izin ver',
  },
};
