import type { Handlers } from '@/utils/background/server';
import type { KakaoService } from '@/utils/background/kakao/service';
import { toWireFriend } from '@/utils/background/kakao/background-kakao';
import { dismissNewFriends, newFriends } from '@/utils/background/storage/new-friends';

/** friends.*: the operator's Kakao friends as the pages show them, and who appeared since earlier refreshes. */
export function createFriendsHandlers(kakao: KakaoService): Handlers {
  return {
    'friends.list': async ({ refresh }) => {
      const list = await kakao.friends(refresh ?? false);
      return { friends: list.friends.map(toWireFriend), totalCount: list.totalCount, fetchedAt: list.fetchedAt };
    },
    'friends.new': async () => {
      const auth = await kakao.authState();
      return { friends: auth.signedIn && auth.kakaoUserId !== undefined ? await newFriends(auth.kakaoUserId) : [] };
    },
    'friends.dismissNew': async ({ uuids }) => ({ friends: await dismissNewFriends(uuids) }),
  };
}
