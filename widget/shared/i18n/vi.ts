// Vietnamese frame texts (LTR), written for optout-frame.
import type { Language } from './texts.js';

export const vi: Language = {
  tag: 'vi',
  name: 'Tiếng Việt',
  dir: 'ltr',
  texts: {
    title: 'Từ chối đo lường lượt truy cập',
    intro:
      'Trang web này đo lường lượt truy cập để cải thiện. Bạn có thể từ chối: khi đó, các lượt truy cập của bạn sẽ không còn được tính nữa.',
    optedIn: 'Hiện bạn đang tham gia đo lường lượt truy cập.',
    optedOut: 'Hiện bạn không tham gia đo lường lượt truy cập.',
    optOutButton: 'Nhấp vào đây để từ chối.',
    optInButton: 'Nhấp vào đây để tham gia lại.',
    gpcHonoured: 'Tín hiệu Global Privacy Control của trình duyệt được tôn trọng: bạn không tham gia đo lường.',
    storageBlocked: 'Trình duyệt của bạn không cho phép khung này ghi nhớ lựa chọn của bạn, vì vậy không thể lưu lựa chọn đó tại đây.',
    storageAccessButton: 'Cho phép khung này ghi nhớ lựa chọn của tôi',
  },
};
