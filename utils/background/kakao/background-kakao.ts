import { browser } from 'wxt/browser';
import type { Friend } from '@/utils/shared/wire';
import { getSettings } from '@/utils/background/storage/settings-store';
import { createKakaoService, type KakaoService } from './service';
import type { KakaoFriend } from './schemas';
import { DAILY } from './quota';

// The Kakao service as the background runs it (settings, the browser's auth flow), and the two views of
// its answers that the pages and compose share.

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
export async function quotaView(kakao: KakaoService, receiverUuid?: string) {
  return { ...(await kakao.quotaLeft(receiverUuid)), senderLimit: DAILY.sender };
}
