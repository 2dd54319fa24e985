import type { Output } from '@/utils/shared/protocol';
import type { Check } from '@/utils/shared/wire';
import type { Order } from '@/utils/shared/order';
import { sendChecks, type EligibilityInput } from '@/utils/background/sending/send-checks';

// Compose windows as the background would answer them: the checks come from the real sendChecks().

export type Prepared = Output<'compose.prepare'>;
export type Item = Prepared['items'][number];

export const SESSION = '7f1e9d56-2b5c-4d0e-9a51-2f3c8e6a1b40';

export function order(n: number, patch: Partial<Order> = {}): Order {
  return {
    store: 'smartstore',
    orderNo: `20261124900000${String(n).padStart(2, '0')}`,
    productOrderNo: `20261124000000${String(n).padStart(2, '0')}`,
    buyerName: ['김민지', '이서준', '박지우', '최예린', '정하준', '조은우'][n % 6]!,
    buyerId: `buyer${n}`,
    productName: '국산 참기름 350ml',
    ...patch,
  };
}

const READY: EligibilityInput = {
  signedIn: true,
  grantedScopes: ['profile_nickname', 'friends', 'talk_message'],
  linked: true,
  friend: { allowedMsg: true },
  quota: { senderLeft: 94, receiverLeft: 100, pairLeft: 20 },
  alreadySent: false,
  renderProblems: [],
};

export function item(o: Order, patch: Partial<EligibilityInput> = {}, extra: Partial<Item> = {}): Item {
  const e = { ...READY, ...patch };
  const elig = sendChecks(e);
  return {
    order: o,
    ...(e.linked && {
      link: { friendId: 11, friendUuid: `uuid-${o.buyerName}`, nickname: o.buyerName },
      friend: { tag: '#AB12', favorite: false },
    }),
    preview: {
      layout: 'text',
      text: `${o.buyerName}님, 하늘상점입니다.`,
      buttons: [{ title: '스토어 보기', url: 'https://smartstore.naver.com/haneul' }],
      charCount: 14,
      charLimit: 200,
    },
    missingVariables: [],
    problems: [],
    ...elig,
    ...extra,
  };
}

export function prepared(items: Item[], patch: Partial<Prepared> = {}): Prepared {
  return {
    items,
    quota: { day: '2026-12-02', senderLeft: 94, senderLimit: 100 },
    sender: { nickname: '하늘상점 사장님', pictureUrl: 'https://k.kakaocdn.net/me.jpg' },
    auth: { configured: true, signedIn: true, missingScopes: [] },
    store: { name: '하늘상점', url: 'https://smartstore.naver.com/haneul' },
    ...patch,
  };
}

export const session = (orders: Order[], acknowledged = true) => ({
  orders,
  templates: [
    { id: 'order-confirmed', name: '주문 확인', layout: 'text' as const, builtIn: true },
    { id: 'shipped', name: '발송 완료', layout: 'text' as const, builtIn: true },
  ],
  acknowledged,
});

export const failing = (checks: Check[]) => checks.filter((c) => !c.ok).map((c) => c.check);
