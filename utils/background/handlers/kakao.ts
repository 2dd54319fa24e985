import type { Handlers } from '@/utils/background/server';
import type { KakaoService } from '@/utils/background/kakao/service';
import { quotaToday, toWireFriend } from '@/utils/background/kakao/background-kakao';
import { getSettings } from '@/utils/background/storage/settings-store';
import { markChecklist } from '@/utils/background/storage/review-progress';

/** The operator's own test message (Kakao's review asks to test before applying). */
async function testMessage() {
  const { store } = await getSettings();
  const url = store.url || 'https://smartstore.naver.com';
  return {
    object_type: 'text' as const,
    text: `[주문톡 테스트] ${store.name || '스토어'} 카카오톡 알림이 이렇게 도착해요.`,
    link: { web_url: url, mobile_web_url: url },
  };
}

export function createKakaoHandlers(kakao: KakaoService): Handlers {
  return {
    'auth.state': () => kakao.authState(),
    'auth.signIn': () => kakao.signIn(),
    'auth.requestConsent': ({ scopes }) => kakao.requestConsent(scopes),
    'auth.signOut': () => kakao.signOut(),
    'auth.disconnect': () => kakao.disconnect(),
    'settings.setClientSecret': async ({ secret }) => {
      await kakao.setClientSecret(secret);
      return { ok: true };
    },
    'friends.list': async ({ refresh }) => {
      const list = await kakao.friends(refresh ?? false);
      return { friends: list.friends.map(toWireFriend), totalCount: list.totalCount, fetchedAt: list.fetchedAt };
    },
    'quota.get': ({ receiverUuid }) => quotaToday(kakao, receiverUuid),
    'send.toMe': async () => {
      await kakao.sendToMe(await testMessage());
      await markChecklist('sendToMeAt');
      return { ok: true };
    },
  };
}
