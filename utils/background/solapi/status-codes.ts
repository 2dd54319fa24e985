// Per-message statusCodes (/work/shared/reference/solapi.md §2.6, from SOLAPI's message-status-codes list):
// 2000 접수 and 3000 이통사 접수 are not final; 4000 is delivered; every other code is a final failure. The
// finality of 1xxx/2xxx/3xxx is inferred from the scheme (reference §2.6), not stated by SOLAPI.

export type StatusOutcome = 'accepted' | 'delivered' | 'failed';
export interface StatusInfo {
  final: boolean;
  outcome: StatusOutcome;
  ko: string;
  en: string;
}

const failed = (ko: string, en: string): StatusInfo => ({ final: true, outcome: 'failed', ko, en });

export const STATUS_CODES: Record<string, StatusInfo> = {
  '2000': {
    final: false,
    outcome: 'accepted',
    ko: '솔라피가 접수했어요(발송 대기).',
    en: 'Accepted by SOLAPI (waiting to be sent).',
  },
  '3000': {
    final: false,
    outcome: 'accepted',
    ko: '카카오/통신사로 넘어갔어요. 결과를 기다리는 중이에요.',
    en: 'Handed to Kakao/the carrier; waiting for the report.',
  },
  '4000': { final: true, outcome: 'delivered', ko: '전달됐어요.', en: 'Delivered.' },
  '1026': failed(
    '같은 번호로 이미 보낸 메시지가 있어 중복으로 빠졌어요.',
    'Left out as a duplicate: the same number is already in this send.',
  ),
  '1030': failed(
    '솔라피 잔액이 부족해 보내지 못했어요. 솔라피에서 충전해 주세요.',
    'Not sent: SOLAPI balance too low. Top up in SOLAPI.',
  ),
  '2230': failed(
    '솔라피 잔액이 부족해 보내지 못했어요. 솔라피에서 충전해 주세요.',
    'Not sent: SOLAPI balance too low. Top up in SOLAPI.',
  ),
  '1031': failed('알림톡 내용이 1,000자를 넘어요.', 'The AlimTalk text is longer than 1,000 characters.'),
  '1041': failed(
    '카카오 채널(pfId)이 올바르지 않아요. 솔라피에 연동된 채널을 다시 골라 주세요.',
    'Invalid Kakao channel (pfId). Choose a channel linked in SOLAPI again.',
  ),
  '1042': failed(
    '템플릿 아이디가 올바르지 않거나 승인되지 않았어요. 승인된 템플릿을 다시 골라 주세요.',
    'Invalid or unapproved template id. Choose an approved template again.',
  ),
  '1043': failed(
    '보낸 내용이 등록한 템플릿과 달라요(변수 누락 등).',
    'The message does not match the registered template (e.g. a missing variable).',
  ),
  '1060': failed('차단된 수신번호예요.', 'The recipient number is blocked.'),
  '2060': failed('차단된 수신번호예요.', 'The recipient number is blocked.'),
  '1061': failed('080 수신거부한 번호예요.', 'The number opted out (080).'),
  '2061': failed('080 수신거부한 번호예요.', 'The number opted out (080).'),
  '1062': failed(
    '발신번호가 솔라피에 등록되지 않았어요. 솔라피에서 발신번호를 등록해 주세요.',
    'The sender number is not registered in SOLAPI. Register it there.',
  ),
  '2062': failed(
    '발신번호가 솔라피에 등록되지 않았어요. 솔라피에서 발신번호를 등록해 주세요.',
    'The sender number is not registered in SOLAPI. Register it there.',
  ),
  '3010': failed('수신번호 형식이 올바르지 않아요.', 'The recipient number format is invalid.'),
  '3040': failed('전송 시간이 초과됐어요.', 'Delivery timed out.'),
  '3059': failed('변작된 발신번호예요.', 'The sender number was spoofed.'),
  '3101': failed('발신 프로필 키가 올바르지 않아요.', 'The sender profile key is invalid.'),
  '3102': failed('채널과 친구 관계가 아니에요.', 'The recipient is not a friend of the channel.'),
  '3103': failed('메시지가 템플릿과 일치하지 않아요.', 'The message does not match the template.'),
  '3104': failed('카카오톡 미사용자예요.', 'The recipient does not use KakaoTalk.'),
  '3105': failed('등록되지 않은 템플릿이에요.', 'The template is not registered.'),
  '3106': failed('채널이 올바르지 않아요.', 'The channel is invalid.'),
  '3107': failed(
    '알림톡 차단 또는 72시간 미사용 사용자예요.',
    'The recipient blocked AlimTalk or has not used KakaoTalk for 72 hours.',
  ),
  '3108': failed('발송 가능 시간이 아니에요(오전 8시~오후 8시).', 'Outside the allowed sending hours (08:00–20:00).'),
};

/** What a statusCode means. `replacement` = SOLAPI sent the SMS/LMS substitute (reference §4.3). */
export function classifyStatus(
  code: string,
  replacement: boolean,
): { outcome: StatusOutcome; final: boolean; smsFallback: boolean; ko: string; en: string } {
  const info =
    STATUS_CODES[code] ?? failed(`전달되지 않았어요(솔라피 코드 ${code}).`, `Not delivered (SOLAPI code ${code}).`);
  const fallback = replacement && info.outcome === 'failed';
  return {
    outcome: info.outcome,
    final: info.final,
    smsFallback: replacement,
    ko: fallback ? `${info.ko} 대신 문자로 보냈어요.` : info.ko,
    en: fallback ? `${info.en} Sent as a text message instead.` : info.en,
  };
}

/** 2000 or 3000: registered and on its way (group-send's 'sent'). */
export function isAccepted(code: string): boolean {
  return code === '2000' || code === '3000';
}
