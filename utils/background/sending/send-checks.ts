import type { Check } from '@/utils/shared/wire';
import { VARIABLES } from '@/utils/shared/templates';
import { withJosa } from '@/utils/shared/korean';

export interface EligibilityInput {
  signedIn: boolean;
  grantedScopes: string[];
  linked: boolean;
  linkBlocked?: { ko: string; en: string };
  /** The linked friend as found in the current friends list (undefined: not there). */
  friend?: { allowedMsg?: boolean };
  quota: { senderLeft: number; receiverLeft?: number; pairLeft?: number };
  alreadySent: boolean;
  renderProblems: { code?: string; ko: string; en: string }[];
}

/**
 * One check. Passing, it says what holds; failing, it says what is wrong (`ko`/`en`), and `fixKo`/`fixEn` say
 * the cause and the one thing to do — the same sentence a skipped order of a bulk is reported with.
 */
function item(
  check: string,
  ok: boolean,
  severity: Check['severity'],
  pass: [ko: string, en: string],
  fail: [ko: string, en: string],
  fix: [ko: string, en: string],
  action?: string,
): Check {
  const [ko, en] = ok ? pass : fail;
  return { check, ok, severity, ko, en, ...(!ok && { fixKo: fix[0], fixEn: fix[1], action }) };
}

const SHIPMENT_VARIABLES = new Set(['택배사', '송장번호']);
const variableOf = (p: { ko: string }) => /\{([^{}]+)\}/.exec(p.ko)?.[1];
const KNOWN = VARIABLES.map((v) => `{${v}}`).join(' ');

/**
 * The message's own problems in the operator's words, one line each: a missing courier or tracking number is
 * the shipment not registered yet (its own check); an unknown variable lists the ones that exist.
 */
function messageChecks(problems: EligibilityInput['renderProblems']): Check[] {
  const shipment = problems.filter((p) => p.code === 'missing-variable' && SHIPMENT_VARIABLES.has(variableOf(p) ?? ''));
  const unknown = problems.filter((p) => p.code === 'unknown-variable').map((p) => `{${variableOf(p)}}`);
  const rest = problems.filter((p) => !shipment.includes(p) && p.code !== 'unknown-variable');
  const lines: [string, string][] = rest.map((p) => [p.ko, p.en]);
  if (unknown.length)
    lines.unshift([
      `템플릿에 없는 변수 ${withJosa(unknown.join(' '), 'subject')} 있어요. 쓸 수 있는 변수: ${KNOWN}`,
      `The template uses unknown ${unknown.length > 1 ? 'variables' : 'variable'} ${unknown.join(' ')}. Known: ${KNOWN}`,
    ]);
  const checks: Check[] = [];
  if (shipment.length)
    checks.push(
      item(
        'shipment',
        false,
        'block',
        ['', ''],
        ['송장이 아직 없어요', 'No tracking number yet'],
        [
          '스토어에서 먼저 발송 처리(택배사와 송장번호 입력)를 하고, 주문 화면을 새로 고친 뒤 다시 열어 주세요.',
          'Register the shipment (courier and tracking number) in your store first, then reload the order page and open this again.',
        ],
      ),
    );
  checks.push(
    item(
      'template-ok',
      lines.length === 0,
      'block',
      ['메시지 내용 확인', 'Message checks out'],
      ['메시지를 이대로 보낼 수 없어요', 'The message cannot be sent as it is'],
      [lines.map((l) => l[0]).join('\n'), lines.map((l) => l[1]).join('\n')],
    ),
  );
  return checks;
}

/**
 * The checks shown before Send. Only checks actually made are listed: a friend not found is not "accepts
 * messages", an unknown receiver quota is not "can receive more". Blocks stop the send; warns ask again.
 */
export function sendChecks(i: EligibilityInput): { checks: Check[]; canSend: boolean; needsReconfirm: boolean } {
  const checks: Check[] = [
    item(
      'signed-in',
      i.signedIn,
      'block',
      ['카카오에 로그인됨', 'Signed in to Kakao'],
      ['카카오에 로그인하지 않았어요', 'Not signed in to Kakao'],
      ['카카오로 로그인해 주세요.', 'Sign in with Kakao.'],
      'sign-in',
    ),
    item(
      'consent-friends',
      i.grantedScopes.includes('friends'),
      'block',
      ['친구 목록 동의', 'Friends list consent'],
      ['친구 목록 동의가 없어요', 'No friends list consent'],
      ['친구 목록 동의를 받아 주세요.', 'Grant the friends consent.'],
      'grant-consent',
    ),
    item(
      'consent-talk-message',
      i.grantedScopes.includes('talk_message'),
      'block',
      ['메시지 전송 동의', 'Message consent'],
      ['메시지 전송 동의가 없어요', 'No message consent'],
      ['카카오톡 메시지 전송 동의를 받아 주세요.', 'Grant the talk_message consent.'],
      'grant-consent',
    ),
    item(
      'linked',
      i.linked,
      'block',
      ['고객이 카카오톡 친구와 연결됨', 'Customer linked to a KakaoTalk friend'],
      i.linkBlocked
        ? ['이 고객은 연결할 수 없어요', 'This customer cannot be linked']
        : ['받는 사람이 정해지지 않았어요', 'No recipient yet'],
      i.linkBlocked
        ? [i.linkBlocked.ko, i.linkBlocked.en]
        : [
            '이 고객에 해당하는 카카오톡 친구를 골라 연결해 주세요. 목록에 없다면 고객이 아직 내 카카오 앱에 연결하지 않았거나 내 카카오톡 친구가 아니에요.',
            'Pick the KakaoTalk friend who is this customer. Not in the list: they have not connected to your Kakao app yet, or are not your KakaoTalk friend.',
          ],
      i.linkBlocked ? undefined : 'link',
    ),
  ];
  // Signed out, the friends list cannot be read: whether the friend is still there is not known, not failed.
  if (i.linked && i.signedIn)
    checks.push(
      item(
        'in-friends-list',
        !!i.friend,
        'block',
        ['연결된 친구가 지금 친구 목록에 있음', 'Linked friend is in your friends list now'],
        ['연결된 친구가 친구 목록에 없어요', 'The linked friend is not in your friends list'],
        [
          '친구를 삭제했거나 숨겼거나, 고객이 동의를 철회했거나 프로필을 비공개로 바꿨어요. 친구 목록을 새로 고치거나 다시 연결해 주세요.',
          'Removed, hidden, consent withdrawn or profile made private. Refresh the friends list or link again.',
        ],
        'relink',
      ),
    );
  if (i.friend)
    checks.push(
      item(
        'allowed-msg',
        i.friend.allowedMsg !== false,
        'block',
        ['고객이 메시지를 받음', 'Customer accepts messages'],
        ['고객이 메시지 수신을 거부했어요', 'The customer refuses messages'],
        [
          '이 고객에게는 카카오톡 메시지를 보낼 수 없어요. 다른 방법으로 연락해 주세요.',
          'KakaoTalk cannot reach this customer; use another channel.',
        ],
      ),
    );
  checks.push(
    item(
      'quota-sender',
      i.quota.senderLeft > 0,
      'block',
      [`오늘 보낼 수 있는 메시지 ${i.quota.senderLeft}건 남음`, `${i.quota.senderLeft} messages left today`],
      ['오늘 보낼 수 있는 메시지를 다 썼어요', 'Today’s messages are used up'],
      ['하루 100건까지 보낼 수 있어요. 내일 다시 보내 주세요.', 'Kakao allows 100 a day; send tomorrow.'],
    ),
  );
  if (i.quota.receiverLeft !== undefined)
    checks.push(
      item(
        'quota-receiver',
        i.quota.receiverLeft > 0,
        'block',
        ['고객이 오늘 더 받을 수 있음', 'Customer can receive more today'],
        ['이 고객은 오늘 더 받을 수 없어요', 'This customer cannot receive more today'],
        ['고객이 하루에 받을 수 있는 양을 넘었어요. 내일 보내 주세요.', 'Their daily limit is reached; send tomorrow.'],
      ),
    );
  if (i.quota.pairLeft !== undefined)
    checks.push(
      item(
        'quota-pair',
        i.quota.pairLeft > 0,
        'block',
        [`이 고객에게 오늘 ${i.quota.pairLeft}건 더 보낼 수 있음`, `${i.quota.pairLeft} more to this customer today`],
        ['이 고객에게 오늘 보낼 수 있는 양을 다 썼어요', 'Today’s messages to this customer are used up'],
        [
          '한 고객에게 하루 20건까지 보낼 수 있어요. 내일 보내 주세요.',
          'Kakao allows 20 a day per customer; send tomorrow.',
        ],
      ),
    );
  checks.push(...messageChecks(i.renderProblems));
  checks.push(
    item(
      'not-sent-before',
      !i.alreadySent,
      'warn',
      ['이 주문에 같은 알림을 보낸 적 없음', 'Not sent for this order before'],
      ['이 주문에 이미 같은 알림을 보냈어요', 'This notice already went to this order'],
      ['다시 보내려면 "다시 보내기"를 골라 주세요.', 'To send it again, choose "Send again".'],
    ),
  );
  return {
    checks,
    canSend: checks.every((c) => c.ok || c.severity === 'warn'),
    needsReconfirm: checks.some((c) => !c.ok && c.severity === 'warn'),
  };
}
