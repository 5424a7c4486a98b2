// Indonesian frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const id: Language = {
  tag: 'id',
  name: 'Bahasa Indonesia',
  dir: 'ltr',
  aliases: ['in'],
  texts: {
    title: 'Berhenti dari pengukuran kunjungan',
    intro: 'Situs web ini mengukur kunjungan untuk memperbaiki diri. Anda dapat berhenti ikut: kunjungan Anda tidak akan dihitung lagi.',
    optedIn: 'Saat ini Anda ikut dalam pengukuran kunjungan.',
    optedOut: 'Saat ini Anda tidak ikut dalam pengukuran kunjungan.',
    optOutButton: 'Klik di sini untuk berhenti ikut.',
    optInButton: 'Klik di sini untuk ikut kembali.',
    gpcHonoured: 'Sinyal Global Privacy Control dari browser Anda dihormati: Anda tidak ikut dalam pengukuran.',
    storageBlocked: 'Browser Anda tidak mengizinkan bingkai ini mengingat pilihan Anda, jadi pilihan itu tidak dapat disimpan di sini.',
    storageAccessButton: 'Izinkan bingkai ini mengingat pilihan saya',
  },
};
