// Malay frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const ms: Language = {
  tag: 'ms',
  name: 'Bahasa Melayu',
  dir: 'ltr',
  texts: {
    title: 'Menarik diri daripada pengukuran lawatan',
    intro:
      'Laman web ini mengukur lawatan untuk menambah baik dirinya. Anda boleh menarik diri: selepas itu, lawatan anda tidak akan dikira lagi.',
    optedIn: 'Anda kini menyertai pengukuran lawatan.',
    optedOut: 'Anda kini tidak menyertai pengukuran lawatan.',
    optOutButton: 'Klik di sini untuk menarik diri.',
    optInButton: 'Klik di sini untuk menyertai semula.',
    gpcHonoured: 'Isyarat Global Privacy Control pelayar anda dihormati: anda tidak menyertai pengukuran.',
    storageBlocked: 'Pelayar anda tidak membenarkan bingkai ini mengingati pilihan anda, jadi pilihan itu tidak boleh disimpan di sini.',
    storageAccessButton: 'Benarkan bingkai ini mengingati pilihan saya',
  },
};
