import type { Handlers } from '@/utils/background/server';
import type { KakaoService } from '@/utils/background/kakao/service';
import { toWireFriend } from '@/utils/background/kakao/background-kakao';

/** friends.*: the operator's Kakao friends as the pages show them. */
export function createFriendsHandlers(kakao: KakaoService): Handlers {
  return {
    'friends.list': async ({ refresh }) => {
      const list = await kakao.friends(refresh ?? false);
      return { friends: list.friends.map(toWireFriend), totalCount: list.totalCount, fetchedAt: list.fetchedAt };
    },
  };
}
