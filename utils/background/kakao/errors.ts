// Every Kakao error code from docs/reference/kakao-api.md §7 → what it means and what the operator can do, in Korean
// and English. Branch on codes, never on Kakao's message text (it changes).

export interface Explanation {
  ko: string;
  en: string;
  fixKo: string;
  fixEn: string;
  /** A UI action that fixes it. */
  action?: 'sign-in' | 'grant-consent' | 'open-settings' | 'retry' | 'relink';
}

const e = (ko: string, en: string, fixKo: string, fixEn: string, extra: Partial<Explanation> = {}): Explanation => ({
  ko,
  en,
  fixKo,
  fixEn,
  ...extra,
});
const CONSOLE_KO = '카카오 디벨로퍼스 콘솔에서';

export const CATALOG: Record<string, Explanation> = {
  // Common kapi codes
  '-1': e(
    '카카오 서버 내부 오류예요.',
    'Kakao internal error.',
    '잠시 후 다시 시도해 주세요.',
    'Try again in a moment.',
    { action: 'retry' },
  ),
  '-2': e(
    '요청 값이 올바르지 않아요(수신자 또는 메시지 형식).',
    'Invalid request parameters (receivers or message format).',
    '친구 목록을 새로 고친 뒤 다시 연결하고, 메시지 내용과 링크를 확인해 주세요.',
    'Refresh the friends list, relink the customer, and check the message and its links.',
    { action: 'relink' },
  ),
  '-3': e(
    '카카오 앱에서 필요한 동의 항목이나 기능이 켜져 있지 않아요.',
    'A required consent item or feature is not enabled in your Kakao app.',
    `${CONSOLE_KO} [카카오 로그인] > [동의항목]의 friends, talk_message 를 켜 주세요.`,
    'In Kakao Developers enable friends and talk_message under [Kakao Login] > [Consent items].',
    { action: 'open-settings' },
  ),
  '-4': e(
    '카카오계정이 제재되었거나 제한된 동작이에요.',
    'The Kakao account is sanctioned or the action is restricted.',
    '카카오 고객센터에 계정 상태를 문의해 주세요.',
    'Contact Kakao support about the account.',
  ),
  '-5': e(
    '카카오 앱에 친구/메시지 API 권한이 없어요.',
    'Your Kakao app has no permission for the friends/message API.',
    `${CONSOLE_KO} [추가 기능]의 '카카오톡 친구/메시지' 권한을 신청하세요. 승인 전에는 팀원에게만 보낼 수 있어요.`,
    'Apply for the KakaoTalk friends/message feature; until approved, only app members can be reached.',
    { action: 'open-settings' },
  ),
  '-6': e(
    '카카오 서비스에서 허용하지 않는 동작이에요.',
    'This action is not allowed by the Kakao service.',
    '메시지 내용과 대상이 정책에 맞는지 확인해 주세요.',
    'Check the message and recipient against Kakao policy.',
  ),
  '-7': e(
    '카카오 서비스 점검 중이거나 내부 문제가 있어요.',
    'Kakao is under maintenance or has an internal problem.',
    '잠시 후 다시 시도해 주세요.',
    'Try again later.',
    { action: 'retry' },
  ),
  '-8': e(
    '요청 헤더가 올바르지 않아요.',
    'Invalid request header.',
    '확장 프로그램을 최신 버전으로 업데이트해 주세요.',
    'Update the extension.',
  ),
  '-9': e(
    '더 이상 제공되지 않는 API예요.',
    'This API is discontinued.',
    '확장 프로그램을 최신 버전으로 업데이트해 주세요.',
    'Update the extension.',
  ),
  '-10': e(
    '카카오 API 요청 한도를 넘었어요.',
    'Kakao API request quota exceeded.',
    '잠시 후 다시 시도해 주세요. 계속되면 앱의 쿼터를 확인하세요.',
    'Try again later; if it persists check your app quota.',
    { action: 'retry' },
  ),
  '-11': e(
    '유료 API 사용 한도를 넘었어요.',
    'Paid API spending cap exceeded.',
    `${CONSOLE_KO} 유료 API 한도를 확인해 주세요.`,
    'Check the paid API cap in Kakao Developers.',
  ),
  '-12': e(
    '카카오 앱 또는 개발자 계정이 제재되었어요.',
    'The Kakao app or developer account is sanctioned.',
    '카카오 디벨로퍼스에 문의해 주세요.',
    'Contact Kakao Developers.',
  ),
  '-401': e(
    '카카오 로그인이 만료되었거나 앱 키가 맞지 않아요.',
    'The Kakao sign-in expired or the app key does not match.',
    '다시 로그인해 주세요. 계속되면 설정의 REST API 키를 확인하세요.',
    'Sign in again; if it persists check the REST API key in settings.',
    { action: 'sign-in' },
  ),
  '-501': e(
    '카카오톡을 사용하지 않는 계정이에요.',
    'This account does not use KakaoTalk.',
    '카카오톡에 연결된 카카오계정으로 로그인해 주세요.',
    'Sign in with a Kakao account linked to KakaoTalk.',
    { action: 'sign-in' },
  ),
  '-602': e('이미지 파일이 너무 커요.', 'Image file too large.', '더 작은 이미지를 쓰세요.', 'Use a smaller image.'),
  '-603': e(
    '카카오 내부 처리 시간이 초과됐어요.',
    'Kakao internal timeout.',
    '잠시 후 다시 시도해 주세요.',
    'Try again later.',
    { action: 'retry' },
  ),
  '-606': e('이미지가 너무 많아요.', 'Too many images.', '이미지 수를 줄여 주세요.', 'Use fewer images.'),
  '-903': e(
    '등록되지 않은 개발자의 앱 키나 토큰이에요.',
    'App key or token of an unregistered developer.',
    `${CONSOLE_KO} 앱과 키를 확인해 주세요.`,
    'Check the app and key in Kakao Developers.',
    { action: 'open-settings' },
  ),
  '-911': e(
    '지원하지 않는 이미지 형식이에요.',
    'Unsupported image format.',
    'JPG 또는 PNG 이미지를 쓰세요.',
    'Use a JPG or PNG image.',
  ),
  '-9798': e(
    '카카오 서비스 점검 중이에요.',
    'Kakao service maintenance.',
    '점검이 끝난 뒤 다시 시도해 주세요.',
    'Try again after maintenance.',
  ),
  // Login API codes
  '-101': e(
    '이 카카오계정은 앱에 연결되어 있지 않아요.',
    'This Kakao account is not connected to the app.',
    '다시 로그인해 주세요.',
    'Sign in again.',
    { action: 'sign-in' },
  ),
  '-102': e(
    '이미 앱에 연결된 계정이에요.',
    'The account is already connected.',
    '그대로 사용하시면 돼요.',
    'No action needed.',
  ),
  '-103': e(
    '휴면 상태이거나 없는 카카오계정이에요.',
    'Dormant or nonexistent Kakao account.',
    '카카오계정 상태를 확인해 주세요.',
    'Check the Kakao account.',
  ),
  '-201': e(
    '알 수 없는 사용자 속성이에요.',
    'Unknown user property.',
    '확장 프로그램을 업데이트해 주세요.',
    'Update the extension.',
  ),
  '-402': e(
    '카카오 동의가 더 필요해요.',
    'More Kakao consent is needed.',
    '"동의하기"를 눌러 필요한 항목에 동의해 주세요.',
    'Click "Grant" and agree to the missing items.',
    { action: 'grant-consent' },
  ),
  '-406': e(
    '14세 미만 사용자는 이 앱을 쓸 수 없도록 설정되어 있어요.',
    'Users under 14 are blocked by the app setting.',
    `${CONSOLE_KO} 연령 제한 설정을 확인하세요.`,
    'Check the age setting in Kakao Developers.',
  ),
  // Message codes
  '-502': e(
    '이 고객은 더 이상 운영자의 카카오톡 친구가 아니에요.',
    'This customer is no longer your KakaoTalk friend.',
    '친구 목록을 새로 고친 뒤 다시 연결해 주세요.',
    'Refresh the friends list and relink the customer.',
    { action: 'relink' },
  ),
  '-530': e(
    '고객이 메시지 수신을 거부했거나 프로필이 비공개예요.',
    'The customer refuses messages or has a private profile.',
    '이 고객에게는 카카오톡으로 보낼 수 없어요. 다른 연락 수단을 쓰세요.',
    'You cannot reach this customer on KakaoTalk; use another channel.',
  ),
  '-531': e(
    '이번 달 보낼 수 있는 메시지 수를 넘었어요.',
    'Monthly sender quota exceeded.',
    '다음 달에 다시 보내 주세요.',
    'Send again next month.',
  ),
  '-532': e(
    '오늘 보낼 수 있는 메시지 수(하루 100건)를 넘었어요.',
    "Today's sender quota (100 a day) is used up.",
    '내일(한국 시간 자정 이후) 다시 보내 주세요.',
    'Send again tomorrow (after midnight KST).',
  ),
  '-533': e(
    '이 고객이 오늘 받을 수 있는 메시지 수(하루 100건)를 넘었어요.',
    "This customer's daily receive quota (100) is used up.",
    '내일 다시 보내 주세요.',
    'Send again tomorrow.',
  ),
  '-536': e(
    '오늘 이 고객에게 보낼 수 있는 메시지 수(하루 20건)를 넘었어요.',
    "Today's quota for this customer (20 a day) is used up.",
    '내일 다시 보내 주세요.',
    'Send again tomorrow.',
  ),
  // Kakao Login (kauth) codes
  KOE001: e(
    '카카오 로그인 요청 값이 올바르지 않아요.',
    'Malformed Kakao Login request.',
    '설정을 확인하고 다시 시도해 주세요.',
    'Check the settings and try again.',
    { action: 'open-settings' },
  ),
  KOE002: e(
    '카카오 로그인 주소가 올바르지 않아요.',
    'Wrong Kakao Login URL.',
    '확장 프로그램을 업데이트해 주세요.',
    'Update the extension.',
  ),
  KOE003: e(
    '카카오 로그인 서버에 일시적인 오류가 있어요.',
    'Temporary Kakao Login server error.',
    '잠시 후 다시 시도해 주세요.',
    'Try again in a moment.',
    { action: 'retry' },
  ),
  KOE004: e(
    '카카오 앱에서 카카오 로그인이 꺼져 있어요.',
    'Kakao Login is switched off in your app.',
    `${CONSOLE_KO} [카카오 로그인]을 켜 주세요.`,
    'Switch Kakao Login ON in Kakao Developers.',
    { action: 'open-settings' },
  ),
  KOE005: e(
    '테스트 앱의 팀원이 아닌 계정이에요.',
    'This account is not a member of the test app.',
    `${CONSOLE_KO} [앱] > [멤버]에 이 계정을 추가해 주세요.`,
    'Add this account as an app member in Kakao Developers.',
    { action: 'open-settings' },
  ),
  KOE006: e(
    '등록되지 않은 Redirect URI예요.',
    'The redirect URI is not registered.',
    `${CONSOLE_KO} REST API 키의 Redirect URI에 아래 주소를 정확히 등록해 주세요.`,
    'Register the exact URI below as a Redirect URI of your REST API key.',
    { action: 'open-settings' },
  ),
  KOE007: e(
    '등록되지 않은 로그아웃 Redirect URI예요.',
    'The logout redirect URI is not registered.',
    `${CONSOLE_KO} 로그아웃 Redirect URI를 등록해 주세요.`,
    'Register the logout redirect URI.',
    { action: 'open-settings' },
  ),
  KOE008: e(
    '이 로그인 방식에 맞지 않는 앱 키예요.',
    'Wrong key type for this flow.',
    'JavaScript 키가 아닌 REST API 키를 넣어 주세요.',
    'Use the REST API key, not the JavaScript key.',
    { action: 'open-settings' },
  ),
  KOE010: e(
    'Client Secret이 맞지 않거나 빠졌어요.',
    'The client secret is wrong or missing.',
    '설정에 콘솔의 Client Secret을 정확히 넣거나, 콘솔에서 Client Secret 사용을 끄세요.',
    'Enter the exact client secret in settings, or turn client secret off in Kakao Developers.',
    { action: 'open-settings' },
  ),
  KOE101: e(
    'REST API 키가 올바르지 않아요.',
    'Invalid app key.',
    '설정의 REST API 키를 콘솔의 값과 똑같이 넣어 주세요.',
    'Enter the REST API key exactly as shown in Kakao Developers.',
    { action: 'open-settings' },
  ),
  KOE102: e(
    '연결된 카카오톡 채널이 없어요.',
    'No linked KakaoTalk Channel.',
    `${CONSOLE_KO} 채널 연결을 확인하세요.`,
    'Check the channel link in Kakao Developers.',
  ),
  KOE201: e(
    '지원하지 않는 로그인 응답 방식이에요.',
    'Unsupported response_type.',
    '확장 프로그램을 업데이트해 주세요.',
    'Update the extension.',
  ),
  KOE202: e(
    '지원하지 않는 로그인 방식(implicit)이에요.',
    'Implicit grant is not supported.',
    '확장 프로그램을 업데이트해 주세요.',
    'Update the extension.',
  ),
  KOE205: e(
    '앱에서 켜지 않은 동의 항목을 요청했어요.',
    'A consent item not enabled in the app was requested.',
    `${CONSOLE_KO} friends, talk_message 동의 항목을 켜 주세요.`,
    'Enable the friends and talk_message consent items.',
    { action: 'open-settings' },
  ),
  KOE303: e(
    '인가 단계와 토큰 단계의 Redirect URI가 달라요.',
    'The redirect URI differs between authorize and token steps.',
    '다시 로그인해 주세요.',
    'Sign in again.',
    { action: 'sign-in' },
  ),
  KOE320: e(
    '로그인 인가 코드가 만료되었거나 이미 사용됐어요.',
    'The authorization code expired or was already used.',
    '다시 로그인해 주세요.',
    'Sign in again.',
    { action: 'sign-in' },
  ),
  KOE322: e(
    '카카오 로그인이 만료됐어요. 다시 로그인해 주세요.',
    'Your Kakao sign-in has expired. Please sign in again.',
    '다시 로그인해 주세요.',
    'Sign in again.',
    { action: 'sign-in' },
  ),
  // OrderTalk's own conditions
  'not-configured': e(
    '카카오 앱이 아직 연결되지 않았어요.',
    'No Kakao app is configured yet.',
    '설정에서 REST API 키를 넣어 주세요.',
    'Enter your REST API key in settings.',
    { action: 'open-settings' },
  ),
  'signed-out': e(
    '카카오에 로그인되어 있지 않아요.',
    'You are not signed in to Kakao.',
    '다시 로그인해 주세요.',
    'Sign in again.',
    { action: 'sign-in' },
  ),
  cancelled: e(
    '카카오 로그인을 취소했어요.',
    'Kakao sign-in was cancelled.',
    '다시 로그인하려면 로그인 버튼을 눌러 주세요.',
    'Click sign in to try again.',
    { action: 'sign-in' },
  ),
  'state-mismatch': e(
    '로그인 응답을 확인할 수 없어요(보안 검사 실패).',
    'The sign-in response could not be verified (state check failed).',
    '다시 로그인해 주세요.',
    'Sign in again.',
    { action: 'sign-in' },
  ),
  network: e(
    '카카오 서버에 연결할 수 없어요.',
    'Cannot reach Kakao.',
    '인터넷 연결을 확인하고 다시 시도해 주세요.',
    'Check the connection and try again.',
    { action: 'retry' },
  ),
  'unknown-outcome': e(
    '보냈는지 확인할 수 없어요. 고객에게 도착했을 수도 있어요.',
    'The outcome is unknown: it may have been delivered.',
    '자동으로 다시 보내지 않아요. 고객의 카카오톡이나 보낸 기록을 확인한 뒤 필요하면 직접 다시 보내세요.',
    'It will not be re-sent automatically. Check with the customer or history before sending again.',
  ),
  'bad-response': e(
    '카카오 응답을 이해할 수 없어요.',
    'Kakao sent an unexpected response.',
    '잠시 후 다시 시도해 주세요.',
    'Try again later.',
    { action: 'retry' },
  ),
};

export class KakaoError extends Error {
  readonly ko: string;
  readonly en: string;
  readonly fixKo: string;
  readonly fixEn: string;
  readonly action?: Explanation['action'];

  constructor(
    readonly code: string,
    readonly httpStatus = 0,
    readonly kakaoMessage = '',
    readonly data: Record<string, unknown> = {},
  ) {
    const known = CATALOG[code];
    super(`${code}: ${known?.en ?? kakaoMessage}`);
    this.name = 'KakaoError';
    // Unknown codes keep Kakao's own code and message.
    this.ko = known?.ko ?? `카카오 오류 ${code}: ${kakaoMessage || '알 수 없는 오류'}`;
    this.en = known?.en ?? `Kakao error ${code}: ${kakaoMessage || 'unknown error'}`;
    this.fixKo = known?.fixKo ?? '잠시 후 다시 시도하고, 계속되면 카카오 디벨로퍼스 문서에서 코드를 확인해 주세요.';
    this.fixEn = known?.fixEn ?? 'Try again later; if it persists look the code up in Kakao Developers.';
    this.action = known?.action;
    if (code === '-402' && Array.isArray(data.requiredScopes)) {
      const scopes = (data.requiredScopes as string[]).join(', ');
      this.fixKo = `"동의하기"를 눌러 ${scopes} 항목에 동의해 주세요.`;
      this.fixEn = `Click "Grant" and agree to: ${scopes}.`;
    }
    if (code === 'KOE006' && typeof data.redirectUri === 'string') {
      this.fixKo = `${this.fixKo} ${data.redirectUri}`;
      this.fixEn = `${this.fixEn} ${data.redirectUri}`;
    }
  }
}
