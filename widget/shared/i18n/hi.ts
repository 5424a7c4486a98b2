// Hindi frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const hi: Language = {
  tag: 'hi',
  name: 'हिन्दी',
  dir: 'ltr',
  texts: {
    title: 'विज़िट मापन से बाहर रहना',
    intro: 'यह वेबसाइट खुद को बेहतर बनाने के लिए विज़िट मापती है। आप इससे बाहर रह सकते हैं: तब आपकी विज़िट नहीं गिनी जाएँगी।',
    optedIn: 'आप इस समय विज़िट मापन में शामिल हैं।',
    optedOut: 'आप इस समय विज़िट मापन में शामिल नहीं हैं।',
    optOutButton: 'बाहर रहने के लिए यहाँ क्लिक करें।',
    optInButton: 'फिर से शामिल होने के लिए यहाँ क्लिक करें।',
    gpcHonoured: 'आपके ब्राउज़र के Global Privacy Control संकेत का पालन किया जा रहा है: आप शामिल नहीं हैं।',
    storageBlocked: 'आपका ब्राउज़र इस फ़्रेम को आपकी पसंद याद रखने नहीं देता, इसलिए उसे यहाँ सहेजा नहीं जा सकता।',
    storageAccessButton: 'इस फ़्रेम को मेरी पसंद याद रखने दें',
  },
};
