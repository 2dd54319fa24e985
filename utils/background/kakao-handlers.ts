import { browser } from 'wxt/browser';
import type { Handlers } from '@/utils/messaging/server';
import type { Friend } from '@/utils/messaging/wire';
import { createKakaoService, type KakaoService } from '@/utils/kakao/service';
import type { KakaoFriend } from '@/utils/kakao/schemas';
import { getSettings } from '@/utils/settings/store';
import { markChecklist } from './checklist';
import { DAILY } from '@/utils/kakao/quota';

export function createBackgroundKakao(): KakaoService {
  return createKakaoService({
    getRestApiKey: async () => (await getSettings()).kakao.restApiKey,
    launchWebAuthFlow: (details) => browser.identity.launchWebAuthFlow(details),
    redirectUri: () => browser.identity.getRedirectURL('kakao'),
  });
}

export function toWireFriend(f: KakaoFriend): Friend {
  return {
    id: f.id ?? null,
    uuid: f.uuid,
    nickname: f.profile_nickname || '(이름 없음)',
    thumbnailUrl: f.profile_thumbnail_image || undefined,
    favorite: f.favorite,
    allowedMsg: f.allowed_msg,
  };
}

/** Today's quota as the pages show it (the sender's daily limit is Kakao's published figure, not an API). */
export async function quotaToday(kakao: KakaoService, receiverUuid?: string) {
  return { ...(await kakao.quotaLeft(receiverUuid)), senderLimit: DAILY.sender };
}

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
