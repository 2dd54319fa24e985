import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { NewFriendSchema, type NewFriend } from '@/utils/shared/new-friends-protocol';
import { KAKAO_NEW_FRIENDS } from '@/utils/shared/storage-keys';

// Who became reachable: each fresh friends list from Kakao is compared with the uuids the previous one had.
// Friends not seen before are kept as "new" until the operator dismisses them or they leave the list. The first
// list an account gets is only the baseline: nobody in it is new.

const StoredSchema = z.object({
  /** The Kakao account whose list this is; another account starts a new baseline. */
  userId: z.number(),
  /** uuids in the last list fetched from Kakao. */
  known: z.array(z.string()).check(z.maxLength(20_000)),
  fresh: z.array(NewFriendSchema).check(z.maxLength(1000)),
});
type Stored = z.infer<typeof StoredSchema>;

const item = storage.defineItem<unknown>(KAKAO_NEW_FRIENDS.key, { fallback: null, version: KAKAO_NEW_FRIENDS.version });

async function read(): Promise<Stored | null> {
  const parsed = StoredSchema.safeParse(await item.getValue());
  return parsed.success ? parsed.data : null;
}

export interface ListedFriend {
  uuid: string;
  id?: number | null;
  nickname: string;
  thumbnailUrl?: string;
}

/** A fresh list from Kakao: returns who is new (appeared now or earlier, not dismissed, still listed). */
export async function noteFriendsList(userId: number, friends: ListedFriend[], now: number): Promise<NewFriend[]> {
  const before = await read();
  const listed = new Map(friends.map((f) => [f.uuid, f]));
  let fresh: NewFriend[] = [];
  if (before && before.userId === userId) {
    const known = new Set(before.known);
    fresh = before.fresh.filter((f) => listed.has(f.uuid));
    const already = new Set(fresh.map((f) => f.uuid));
    for (const f of friends) {
      if (known.has(f.uuid) || already.has(f.uuid)) continue;
      fresh.push({
        uuid: f.uuid,
        id: f.id ?? null,
        nickname: f.nickname,
        ...(f.thumbnailUrl && { thumbnailUrl: f.thumbnailUrl }),
        appearedAt: now,
      });
    }
  }
  fresh = fresh.slice(-1000);
  await item.setValue({ userId, known: [...listed.keys()].slice(0, 20_000), fresh } satisfies Stored);
  return fresh;
}

/** Who is new for this account (all when no account is given). */
export async function newFriends(userId?: number): Promise<NewFriend[]> {
  const stored = await read();
  if (!stored || (userId !== undefined && stored.userId !== userId)) return [];
  return stored.fresh;
}

/** uuids of the new friends, for ranking suggestions. */
export async function newFriendUuids(): Promise<Set<string>> {
  return new Set((await newFriends()).map((f) => f.uuid));
}

/** The operator saw them: these uuids (or all) are no longer new. The baseline stays. */
export async function dismissNewFriends(uuids?: string[]): Promise<NewFriend[]> {
  const stored = await read();
  if (!stored) return [];
  const drop = uuids ? new Set(uuids) : null;
  const fresh = drop ? stored.fresh.filter((f) => !drop.has(f.uuid)) : [];
  await item.setValue({ ...stored, fresh } satisfies Stored);
  return fresh;
}

/** Signed out or disconnected: the next account starts from its own baseline. */
export async function forgetNewFriends(): Promise<void> {
  await item.removeValue();
}
