import { describe, expect, it } from 'vitest';
import { customerNoticeText } from '@/utils/shared/onboarding/customer-notice';
import { applicationPurpose, applicationScenario } from '@/utils/shared/onboarding/application-text';
import { josa, withJosa } from '@/utils/shared/korean';

describe('Korean particles', () => {
  it('follow the final consonant', () => {
    expect(withJosa('주문톡상점', 'topic')).toBe('주문톡상점은');
    expect(withJosa('주문톡스토어', 'topic')).toBe('주문톡스토어는');
    expect(withJosa('서울', 'direction')).toBe('서울로');
    expect(withJosa('상점', 'direction')).toBe('상점으로');
    expect(withJosa('가게', 'direction')).toBe('가게로');
    expect(josa('OrderTalk', 'topic')).toBe('은');
    expect(josa('', 'subject')).toBe('가');
  });
});

describe('customer notice', () => {
  it('names the store, says nothing is automatic, and how to stop', () => {
    const text = customerNoticeText('주문톡상점');
    expect(text.startsWith('[주문톡상점 카카오톡 주문 알림 안내]')).toBe(true);
    expect(text).toContain('주문톡상점은 주문 확인');
    expect(text).toContain('자동으로 보내지 않습니다');
    expect(text).toContain('주문톡상점의 카카오톡 알림 연결 페이지에서');
    expect(text).toContain('■ 그만 받으려면');
    expect(text).toContain('카카오계정 › 연결된 서비스 관리(https://accounts.kakao.com/weblogin/account/partner)');
  });

  it('asks customers only for the friends list, never for message consent', () => {
    const text = customerNoticeText('주문톡상점');
    expect(text).toContain("'카카오 서비스 내 친구목록'");
    expect(text).not.toContain('메시지 전송');
    expect(text).not.toContain('talk_message');
  });

  it('says what else messages need and the app name the customer will see', () => {
    const text = customerNoticeText('주문톡상점', '주문톡 알림');
    expect(text).toContain('■ 메시지가 도착하려면');
    expect(text).toContain('주문톡상점 운영자와 카카오톡 친구여야 합니다');
    expect(text).toContain('프로필이 공개되어 있어야 합니다');
    expect(text).toContain("카카오 로그인 화면에는 '주문톡 알림' 앱이 보이고");
    expect(text).toContain("'주문톡 알림' 연결을 끊으면");
    // Without an app name the store's name stands in (the Worker's default too).
    expect(customerNoticeText('주문톡상점')).toContain("'주문톡상점' 앱이 보이고");
  });

  it('uses a generic name when none is set', () => {
    expect(customerNoticeText('')).toContain('우리 스토어는');
  });
});

describe('application text', () => {
  it('describes the purpose and the scenario from sign-in to a friend', () => {
    expect(applicationPurpose({ storeName: '상점', storeUrl: '' })).toContain('자동으로 보내지 않습니다');
    const scenario = applicationScenario({ storeName: '상점', storeUrl: 'https://a.kr' });
    expect(scenario.split('\n')).toHaveLength(5);
    expect(scenario).toContain('상점 (https://a.kr)');
    expect(scenario).toContain('친구 목록 API');
    expect(scenario).toContain('메시지 전송 API');
  });
});
