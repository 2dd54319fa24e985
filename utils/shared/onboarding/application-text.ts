import { displayStoreName } from './customer-notice';
import { withJosa } from '@/utils/shared/korean';

// Ready text for Kakao's application form ([추가 기능] 카카오톡 친구/메시지): the purpose and the full
// scenario from login to a message reaching a friend, as the reviewers ask (docs/reference/kakao-api.md §8). Korean:
// the form is read by Kakao's Korean reviewers.

export interface ApplicationInput {
  storeName: string;
  /** The store's address (service URL on the form). */
  storeUrl: string;
}

export function applicationPurpose({ storeName }: ApplicationInput): string {
  const store = displayStoreName(storeName);
  return [
    `${withJosa(store, 'topic')} 주문한 고객에게 주문 확인, 발송 완료(운송장 번호), 배송 지연 소식을 운영자의 카카오톡 메시지로 알립니다.`,
    '메시지는 자동으로 보내지 않습니다. 운영자가 주문마다 고객이 받을 내용을 미리 보고 직접 눌러서 보냅니다.',
    "받는 사람은 스토어의 알림 연결 페이지에서 카카오 로그인을 마치고 '카카오 서비스 내 친구목록'에 동의한, 운영자와 카카오톡 친구인 고객뿐입니다.",
  ].join(' ');
}

export function applicationScenario({ storeName, storeUrl }: ApplicationInput): string {
  const store = displayStoreName(storeName);
  const where = storeUrl.trim() ? ` (${storeUrl.trim()})` : '';
  return [
    `1. 고객이 ${store}${where}의 카카오톡 알림 동의 페이지에서 카카오 로그인을 마치고 친구목록에 동의합니다(메시지 전송 동의는 보내는 운영자만 합니다). 이 페이지에는 메시지를 어떻게 보내는지(운영자가 직접, 자동 발송 없음)와 그만 받는 방법이 안내되어 있습니다.`,
    '2. 운영자가 브라우저 확장 프로그램(OrderTalk 주문톡)에서 자신의 카카오계정으로 로그인하고 친구목록·메시지 전송에 동의합니다.',
    "3. 운영자가 스토어 관리자 화면의 주문 목록에서 주문 옆 '카톡 알림' 버튼을 누르면, 친구 목록 API로 받은 친구 중 그 주문의 고객을 골라 연결합니다.",
    "4. 운영자가 고객이 받을 메시지 미리보기를 확인하고 '보내기'를 누르면, 메시지 전송 API로 그 고객(운영자의 카카오톡 친구)에게 한 건이 보내집니다.",
    '5. 보낸 결과(성공·실패)는 확장 프로그램의 보낸 기록에 남고, 같은 주문에 같은 메시지를 두 번 보내지 않습니다.',
  ].join('\n');
}
