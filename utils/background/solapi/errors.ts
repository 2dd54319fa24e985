// Every SOLAPI errorCode we know → what it means and what the operator can do, Korean first. Codes are matched
// case-insensitively: SOLAPI's docs spell `InvalidAPIKey`, its Kotlin/Java SDKs `InvalidApiKey`
// (/work/shared/reference/solapi.md §1.4). Branch on errorCode, never on the HTTP status or errorMessage.
//
// Spelling status (reference §1.4, §2.3, §2.5, §7):
// - documented by SOLAPI: InvalidAPIKey, SignatureDoesNotMatch, RequestTimeTooSkewed, DuplicatedSignature,
//   ValidationError, RecipientsTooMany.
// - seen only in SDKs or third-party code: InvalidApiKey (SDK), FailedToAddMessage (SDK), Forbidden (3rd-party).
// - UNCONFIRMED (our guess, also what tests/solapi-emulator answers): NotEnoughBalance, GroupAlreadySent, NotFound.

export type Processed = 'no' | 'unknown';

export interface ErrorText {
  ko: string;
  en: string;
  fixKo: string;
  fixEn: string;
}

const t = (ko: string, en: string, fixKo: string, fixEn: string): ErrorText => ({ ko, en, fixKo, fixEn });
const KEY_FIX_KO = '솔라피 콘솔(console.solapi.com) API Key 관리에서 키와 시크릿을 다시 복사해 붙여 넣어 주세요.';
const KEY_FIX_EN = 'Copy the key and secret again from API Key management in the SOLAPI console.';

/** Lower-case errorCode (or our own code) → text. */
const TABLE: Record<string, ErrorText> = {
  invalidapikey: t('솔라피 API Key가 올바르지 않아요.', 'The SOLAPI API key is not valid.', KEY_FIX_KO, KEY_FIX_EN),
  signaturedoesnotmatch: t(
    '솔라피 API Secret이 키와 맞지 않아요(서명 불일치).',
    'The SOLAPI API secret does not match the key (signature mismatch).',
    KEY_FIX_KO,
    KEY_FIX_EN,
  ),
  requesttimetooskewed: t(
    '이 PC의 시계가 15분 넘게 틀려 솔라피가 요청을 거절했어요.',
    "This PC's clock is more than 15 minutes off, so SOLAPI refused the request.",
    'PC 시계를 맞춰 주세요(Windows: 설정 > 시간 및 언어 > 지금 동기화).',
    "Set the PC's clock (Windows: Settings > Time & language > Sync now).",
  ),
  duplicatedsignature: t(
    '같은 서명이 두 번 쓰여 솔라피가 요청을 거절했어요.',
    'SOLAPI refused a reused signature.',
    '다시 시도해 주세요. 계속되면 PC 시계를 맞춰 주세요.',
    "Try again. If it keeps happening, set the PC's clock.",
  ),
  forbidden: t(
    '솔라피가 이 PC의 IP 주소에서 API Key 사용을 막고 있어요(IP 제한).',
    "SOLAPI does not allow this API key from this PC's IP address (IP restriction).",
    '솔라피 콘솔의 API Key 관리에서 해당 키를 모든 IP 허용으로 바꿔 주세요.',
    'In API Key management in the SOLAPI console, allow all IPs for this key.',
  ),
  validationerror: t(
    '솔라피가 요청 형식을 받아들이지 않았어요.',
    'SOLAPI rejected the request format.',
    '템플릿과 변수, 수신번호를 확인해 주세요. 계속되면 개발자에게 알려 주세요.',
    'Check the template, its variables and the numbers. If it persists, report it.',
  ),
  notenoughbalance: t(
    '솔라피 잔액이 부족해요.',
    'The SOLAPI balance is too low.',
    '솔라피 콘솔에서 잔액을 충전한 뒤 다시 보내 주세요.',
    'Top up in the SOLAPI console, then send again.',
  ),
  recipientstoomany: t(
    '한 번에 보낼 수 있는 수(10,000건)를 넘었어요.',
    'More than 10,000 recipients in one request.',
    '나눠서 보내 주세요.',
    'Send in smaller batches.',
  ),
  failedtoaddmessage: t(
    '솔라피가 메시지를 접수하지 않았어요.',
    'SOLAPI did not accept the message.',
    '발신번호 등록, 템플릿 승인, 수신번호를 확인해 주세요.',
    'Check the registered sender number, the template approval and the numbers.',
  ),
  groupalreadysent: t(
    '이미 발송된 묶음이에요. 다시 보내지 않았어요.',
    'This group was already sent; it was not sent again.',
    '보낸 기록에서 결과를 확인해 주세요.',
    'Check the result in the history.',
  ),
  notfound: t(
    '솔라피에서 찾을 수 없어요.',
    'Not found in SOLAPI.',
    '솔라피 콘솔에서 확인해 주세요.',
    'Check in the SOLAPI console.',
  ),
  // Our own codes: no SOLAPI answer to go by.
  network: t(
    '솔라피에 연결하지 못했어요.',
    'Could not reach SOLAPI.',
    '인터넷 연결을 확인해 주세요. 보내기였다면 결과를 확인한 뒤에만 다시 보내세요.',
    'Check the connection. If this was a send, check its result before sending again.',
  ),
  timeout: t(
    '솔라피가 제때 답하지 않았어요.',
    'SOLAPI did not answer in time.',
    '보내기였다면 처리됐을 수 있어요. 결과를 확인한 뒤에만 다시 보내세요.',
    'If this was a send it may have gone through; check its result before sending again.',
  ),
  server: t(
    '솔라피 서버 오류예요.',
    'SOLAPI server error.',
    '잠시 후 다시 확인해 주세요. 보내기였다면 결과를 확인한 뒤에만 다시 보내세요.',
    'Check again shortly. If this was a send, check its result before sending again.',
  ),
  'invalid-response': t(
    '솔라피의 답을 알아볼 수 없어요.',
    "SOLAPI's answer could not be read.",
    '잠시 후 다시 확인해 주세요. 보내기였다면 결과를 확인한 뒤에만 다시 보내세요.',
    'Check again shortly. If this was a send, check its result before sending again.',
  ),
  'no-credentials': t(
    '솔라피 API Key와 Secret이 설정되지 않았어요.',
    'No SOLAPI API key and secret are set.',
    '설정에서 솔라피 API Key와 Secret을 입력해 주세요.',
    'Enter the SOLAPI API key and secret in the settings.',
  ),
  'not-listed': t(
    '솔라피가 보냈다고 하지만 이 메시지는 아직 목록에 없어요.',
    'SOLAPI says the group was sent, but this message is not listed yet.',
    '잠시 후 다시 확인해요. 다시 보내지 마세요.',
    'It will be checked again shortly. Do not send it again.',
  ),
  interrupted: t(
    '보내기 전에 중단되어 보내지 않았어요.',
    'Interrupted before sending; nothing was sent.',
    '필요하면 다시 보내 주세요.',
    'Send again if needed.',
  ),
};

/** The text for a code; unknown codes get a generic text that names the code. */
export function explainError(code: string): ErrorText {
  return (
    TABLE[code.toLowerCase()] ??
    t(
      `솔라피 오류예요(${code}).`,
      `SOLAPI error (${code}).`,
      '솔라피 콘솔에서 계정 상태를 확인해 주세요. 계속되면 이 코드를 개발자에게 알려 주세요.',
      'Check the account in the SOLAPI console. If it persists, report this code.',
    )
  );
}

export class SolapiError extends Error {
  readonly ko: string;
  readonly en: string;
  readonly fixKo: string;
  readonly fixEn: string;
  constructor(
    /** SOLAPI's errorCode as sent, or 'network' | 'timeout' | 'server' | 'invalid-response' | 'no-credentials'. */
    readonly code: string,
    /** 'no' only when the answer proves the request was not processed (a 4xx with an errorCode, no credentials). */
    readonly processed: Processed,
    readonly status?: number,
    /** SOLAPI's own errorMessage, for the details view (never contains the secret). */
    readonly serverMessage?: string,
  ) {
    const text = explainError(code);
    super(`${text.en}${serverMessage ? ` (${serverMessage})` : ''}`);
    this.name = 'SolapiError';
    this.ko = text.ko;
    this.en = text.en;
    this.fixKo = text.fixKo;
    this.fixEn = text.fixEn;
  }
}
