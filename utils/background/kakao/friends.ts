import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { FriendElementSchema, FriendsPageSchema, type KakaoFriend } from './schemas';
import type { Session } from './session';
import { KakaoError } from './errors';
import { KAKAO_FRIENDS } from '@/utils/shared/storage-keys';
import { noteFriendsList } from '@/utils/background/storage/new-friends';

const TTL_MS = 5 * 60 * 1000;
const PAGE = 100;
const CacheSchema = z.object({
  fetchedAt: z.number(),
  userId: z.number(),
  friends: z.array(FriendElementSchema),
  total: z.number(),
});
const cache = storage.defineItem<unknown>(KAKAO_FRIENDS.key, { fallback: null });

export interface FriendsList {
  friends: KakaoFriend[];
  totalCount: number;
  fetchedAt: number;
}

/** The whole friends list, paged to the end, cached briefly (uuids change, friends come and go). */
export async function listFriends(
  session: Session,
  userId: number,
  now: number,
  refresh = false,
): Promise<FriendsList> {
  if (!refresh) {
    const hit = CacheSchema.safeParse(await cache.getValue());
    if (hit.success && hit.data.userId === userId && now - hit.data.fetchedAt < TTL_MS) {
      return { friends: hit.data.friends, totalCount: hit.data.total, fetchedAt: hit.data.fetchedAt };
    }
  }
  const friends: KakaoFriend[] = [];
  let total = 0;
  for (let offset = 0; offset < 10_000; offset += PAGE) {
    const raw = await session.call(
      '/v1/api/talk/friends',
      { query: { offset: String(offset), limit: String(PAGE), order: 'asc', friend_order: 'nickname' } },
      'read',
    );
    const page = FriendsPageSchema.safeParse(raw);
    if (!page.success) throw new KakaoError('bad-response');
    friends.push(...page.data.elements);
    total = page.data.total_count;
    if (page.data.elements.length === 0 || !page.data.after_url || friends.length >= total) break;
  }
  await cache.setValue({ fetchedAt: now, userId, friends, total });
  // Every list fetched from Kakao (not the cache) is compared with the previous one: who became reachable.
  await noteFriendsList(
    userId,
    friends.map((f) => ({
      uuid: f.uuid,
      id: f.id ?? null,
      nickname: f.profile_nickname || '(이름 없음)',
      thumbnailUrl: f.profile_thumbnail_image || undefined,
    })),
    now,
  );
  return { friends, totalCount: total, fetchedAt: now };
}

/** After -502 the list we hold is wrong; the next read goes to Kakao. */
export async function invalidateFriends(): Promise<void> {
  await cache.removeValue();
}
