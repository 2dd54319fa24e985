import type { Check } from '@/utils/shared/wire';

export interface EligibilityInput {
  signedIn: boolean;
  grantedScopes: string[];
  linked: boolean;
  linkBlocked?: { ko: string; en: string };
  /** The linked friend as found in the current friends list (undefined: not there). */
  friend?: { allowedMsg?: boolean };
  quota: { senderLeft: number; receiverLeft?: number; pairLeft?: number };
  alreadySent: boolean;
  renderProblems: { ko: string; en: string }[];
}

const item = (
  check: string,
  ok: boolean,
  severity: Check['severity'],
  ko: string,
  en: string,
  fixKo?: string,
  fixEn?: string,
  action?: string,
): Check => ({
  check,
  ok,
  severity,
  ko,
  en,
  ...(!ok && { fixKo, fixEn, action }),
});

/** The checks shown before Send: every failing item says how to fix it. Blocks stop the send; warns ask again. */
export function sendChecks(i: EligibilityInput): { checks: Check[]; canSend: boolean; needsReconfirm: boolean } {
  const checks: Check[] = [
    item(
      'signed-in',
      i.signedIn,
      'block',
      '카카오에 로그인됨',
      'Signed in to Kakao',
      '팝업이나 설정에서 카카오로 로그인해 주세요.',
      'Sign in with Kakao from the popup or settings.',
      'sign-in',
    ),
    item(
      'consent-friends',
      i.grantedScopes.includes('friends'),
      'block',
      '친구 목록 동의',
      'Friends list consent',
      '친구 목록 동의를 받아 주세요.',
      'Grant the friends consent.',
      'grant-consent',
    ),
    item(
      'consent-talk-message',
      i.grantedScopes.includes('talk_message'),
      'block',
      '메시지 전송 동의',
      'Message consent',
      '카카오톡 메시지 전송 동의를 받아 주세요.',
      'Grant the talk_message consent.',
      'grant-consent',
    ),
    item(
      'linked',
      i.linked,
      'block',
      '고객이 카카오톡 친구와 연결됨',
      'Customer linked to a KakaoTalk friend',
      i.linkBlocked?.ko ?? '아래에서 이 고객에 해당하는 카카오톡 친구를 찾아 연결해 주세요.',
      i.linkBlocked?.en ?? 'Find and link the KakaoTalk friend who is this customer below.',
      i.linkBlocked ? undefined : 'link',
    ),
    item(
      'in-friends-list',
      !i.linked || !!i.friend,
      'block',
      '연결된 친구가 지금 친구 목록에 있음',
      'Linked friend is in your friends list now',
      '친구 목록에서 사라졌어요(친구 삭제, 숨김, 동의 철회 또는 프로필 비공개). 다시 연결하거나 다른 방법으로 연락하세요.',
      'No longer in your friends list (removed, hidden, consent withdrawn or private). Relink or use another channel.',
      'relink',
    ),
    item(
      'allowed-msg',
      !i.friend || i.friend.allowedMsg !== false,
      'block',
      '고객이 메시지를 받음',
      'Customer accepts messages',
      '이 고객은 메시지 수신을 거부했어요. 카카오톡으로 보낼 수 없어요.',
      'This customer refuses messages; KakaoTalk cannot reach them.',
    ),
    item(
      'quota-sender',
      i.quota.senderLeft > 0,
      'block',
      `오늘 보낼 수 있는 메시지 (${i.quota.senderLeft}건 남음)`,
      `Messages left today (${i.quota.senderLeft})`,
      '오늘 보낼 수 있는 100건을 모두 썼어요. 내일 다시 보내 주세요.',
      'Today’s 100 messages are used; send tomorrow.',
    ),
    item(
      'quota-receiver',
      (i.quota.receiverLeft ?? 1) > 0,
      'block',
      '고객이 오늘 더 받을 수 있음',
      'Customer can receive more today',
      '이 고객이 오늘 받을 수 있는 양을 넘었어요. 내일 보내 주세요.',
      'This customer’s daily limit is reached; send tomorrow.',
    ),
    item(
      'quota-pair',
      (i.quota.pairLeft ?? 1) > 0,
      'block',
      `이 고객에게 오늘 더 보낼 수 있음${i.quota.pairLeft !== undefined ? ` (${i.quota.pairLeft}건 남음)` : ''}`,
      `More messages to this customer today${i.quota.pairLeft !== undefined ? ` (${i.quota.pairLeft} left)` : ''}`,
      '오늘 이 고객에게 보낼 수 있는 20건을 모두 썼어요. 내일 보내 주세요.',
      'Today’s 20 messages to this customer are used; send tomorrow.',
    ),
    item(
      'template-ok',
      i.renderProblems.length === 0,
      'block',
      '메시지 내용 확인',
      'Message checks out',
      i.renderProblems.map((p) => p.ko).join(' '),
      i.renderProblems.map((p) => p.en).join(' '),
    ),
    item(
      'not-sent-before',
      !i.alreadySent,
      'warn',
      '이 주문에 같은 알림을 보낸 적 없음',
      'Not sent for this order before',
      '이미 같은 알림을 보냈어요. 다시 보내려면 한 번 더 확인해 주세요.',
      'Already sent for this order; confirm to send again.',
    ),
  ];
  return {
    checks,
    canSend: checks.every((c) => c.ok || c.severity === 'warn'),
    needsReconfirm: checks.some((c) => !c.ok && c.severity === 'warn'),
  };
}
