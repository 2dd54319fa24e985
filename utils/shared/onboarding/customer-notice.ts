import { withJosa } from '@/utils/shared/korean';

// The notice customers read before opting in (and the screen Kakao's reviewers ask to see: how messages
// are sent, that nothing is automatic, how to stop). Written in Korean whatever the operator's UI
// language: its readers are the store's Korean customers.

export const KAKAO_CONNECTED_SERVICES_URL = 'https://accounts.kakao.com/weblogin/account/partner';
export const FALLBACK_STORE_NAME = '우리 스토어';

export interface NoticeBlock {
  heading: string;
  items: string[];
}

export function displayStoreName(storeName: string): string {
  return storeName.trim() || FALLBACK_STORE_NAME;
}

export function customerNoticeTitle(storeName: string): string {
  return `${displayStoreName(storeName)} 카카오톡 주문 알림 안내`;
}

/** The notice as structured blocks, for the opt-in page. */
export function customerNoticeBlocks(
  storeName: string,
  where: 'opt-in-page' | 'elsewhere' = 'elsewhere',
  /** The Kakao app's name on the consent screen; the store name when not given. */
  appName?: string,
): NoticeBlock[] {
  const store = displayStoreName(storeName);
  const app = appName?.trim() || store;
  const page = where === 'opt-in-page' ? '이 페이지에서' : `${store}의 카카오톡 알림 연결 페이지에서`;
  // What the customer agrees to is only `friends` (and the profile item the app requires): talk_message is the
  // operator's own consent, not the receiver's (docs: /work/shared/reference/customer-connection.md §3).
  return [
    {
      heading: '무엇을 받나요',
      items: [
        `${withJosa(store, 'topic')} 주문 확인, 발송 완료(운송장 번호), 배송 지연 같은 주문하신 상품의 소식을 운영자의 카카오톡으로 보내 드립니다.`,
        '광고나 홍보 메시지는 보내지 않습니다.',
      ],
    },
    {
      heading: '어떻게 보내나요',
      items: [
        '자동으로 보내지 않습니다. 운영자가 주문마다 보낼 내용을 확인하고 직접 눌러서 한 건씩 보냅니다.',
        `${page} 카카오 로그인을 끝까지 마치면 연결됩니다. 카카오 로그인 화면에는 '${app}' 앱이 보이고, 동의할 항목은 '카카오 서비스 내 친구목록'(과 앱이 꼭 필요로 하는 닉네임)뿐입니다.`,
      ],
    },
    {
      heading: '메시지가 도착하려면',
      items: [
        `${store} 운영자와 카카오톡 친구여야 합니다.`,
        '카카오톡 프로필이 공개되어 있어야 합니다. 운영자를 숨기거나 차단하면 받지 못합니다.',
      ],
    },
    {
      heading: '그만 받으려면',
      items: [
        `카카오계정 › 연결된 서비스 관리(${KAKAO_CONNECTED_SERVICES_URL})에서 '${app}' 연결을 끊으면 더 이상 받지 않습니다.`,
        '카카오톡에서 운영자를 차단하시거나, 스토어 문의로 알려 주셔도 바로 보내지 않습니다.',
      ],
    },
  ];
}

/** The same notice as plain text, ready to paste into a store page or a product description. */
export function customerNoticeText(storeName: string, appName?: string): string {
  const blocks = customerNoticeBlocks(storeName, 'elsewhere', appName)
    .map((b) => [`■ ${b.heading}`, ...b.items.map((i) => `- ${i}`)].join('\n'))
    .join('\n\n');
  return `[${customerNoticeTitle(storeName)}]\n\n${blocks}`;
}
