import type { Handlers } from '@/utils/background/server';
import { listTemplates } from '@/utils/background/storage/template-store';
import { getSettings } from '@/utils/background/storage/settings-store';
import { createComposeSession, getComposeSession, openComposeWindow } from '@/utils/background/compose-window';
import type { Order } from '@/utils/shared/order';
import type { SendService } from '@/utils/background/sending/send-service';
import type { KakaoService } from '@/utils/background/kakao/service';
import { quotaView, toWireFriend } from '@/utils/background/kakao/background-kakao';
import { nameScore, rankFriends } from '@/utils/background/storage/links';
import { newFriendUuids } from '@/utils/background/storage/new-friends';

/** The orders a compose window was opened for; an expired window says so instead of sending nothing. */
export async function composeSessionOrders(id: string): Promise<Order[]> {
  const session = await getComposeSession(id);
  if (!session)
    throw Object.assign(new Error('no session'), {
      code: 'no-session',
      ko: '이 알림 창은 만료됐어요. 주문 화면에서 다시 열어 주세요.',
      en: 'This compose window expired; open it again from the order page.',
    });
  return session.orders;
}

// Crockford's base32 without I, L, O, U: a tag read aloud or copied is not mistaken for another.
const TAG_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A short tag that tells two friends with the same nickname apart, stable across sessions: from the Kakao
 * user id (uuids may change), else the uuid. Not a secret and not reversible to anything useful.
 */
export function friendTag(friend: { id?: number | null; uuid: string }): string {
  const source = friend.id != null ? `id:${friend.id}` : `uuid:${friend.uuid}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) {
    h ^= source.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let tag = '';
  for (let i = 0; i < 4; i++) {
    tag += TAG_ALPHABET[h & 31];
    h >>>= 5;
  }
  return `#${tag}`;
}

/** A friend counts as a likely match from this likeness on (a shared full name, or one contains the other). */
export const SIMILAR_SCORE = 0.5;

/** compose.* (the compose window) and order.status (the badges on order rows). */
export function createComposeHandlers(sending: SendService, kakao: KakaoService): Handlers {
  return {
    'order.status': async ({ orders }) => ({
      statuses: Object.entries(await sending.orderStatus(orders)).map(([productOrderNo, status]) => ({
        productOrderNo,
        ...status,
      })),
    }),
    'compose.open': async ({ orders }) => {
      const id = await createComposeSession(orders);
      await openComposeWindow(id, orders.length);
      return { ok: true };
    },
    'compose.session': async ({ sessionId }) => ({
      orders: await composeSessionOrders(sessionId),
      templates: (await listTemplates()).map((t) => ({ id: t.id, name: t.name, layout: t.layout, builtIn: t.builtIn })),
      acknowledged: !!(await getSettings()).sendAcknowledgedAt,
    }),
    'compose.prepare': async ({ sessionId, templateId, freeText }) => {
      const prepared = await sending.prepare(await composeSessionOrders(sessionId), templateId, freeText);
      const [auth, settings] = await Promise.all([kakao.authState(), getSettings()]);
      return {
        items: prepared.map((p) => ({
          ...p.item,
          // The linked friend's picture and tag, so the card shows who exactly gets it.
          ...(p.friend && {
            friend: {
              thumbnailUrl: p.friend.profile_thumbnail_image || undefined,
              favorite: p.friend.favorite,
              tag: friendTag(p.friend),
            },
          }),
        })),
        quota: await quotaView(kakao),
        // The operator's own KakaoTalk profile: what the customer sees as the sender. Name and picture only.
        sender: auth.signedIn ? { nickname: auth.nickname, pictureUrl: auth.pictureUrl } : undefined,
        auth: { configured: auth.configured, signedIn: auth.signedIn, missingScopes: auth.missingScopes },
        store: { name: settings.store.name, url: settings.store.url },
        alimtalk: await sending.alimtalkView(),
      };
    },
    /** Friends ranked by likeness to the buyer and receiver, each with its likeness and tag. */
    'compose.suggest': async ({ order, query }) => {
      const friends = (await kakao.friends()).friends.map(toWireFriend);
      const names = [order.buyerName, order.receiverName ?? ''];
      const ranked = rankFriends(friends, order, query, await newFriendUuids())
        .slice(0, 20)
        .map((f) => ({ ...f, score: nameScore(f.nickname, names), tag: friendTag(f) }));
      return {
        friends: ranked,
        noMatch: !friends.some((f) => nameScore(f.nickname, names) >= SIMILAR_SCORE),
      };
    },
  };
}
