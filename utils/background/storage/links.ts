import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { Order } from '@/utils/shared/order';
import { linksDb, type LinkRow } from './links-db';
import { LINK_SALT } from '@/utils/shared/storage-keys';

// A customer is linked once to one of the operator's KakaoTalk friends and remembered by a salted hash of
// store + buyer id (or unmasked phone): no buyer's personal data is stored in plain form.
export const LinkSchema = z.object({
  friendId: z.number().nullable().optional(),
  friendUuid: z.string().min(1),
  nickname: z.string(),
  linkedAt: z.number(),
});
export type Link = z.infer<typeof LinkSchema>;
const KeySchema = z.string().regex(/^[0-9a-f]{64}$/);
const LinksSchema = z.record(KeySchema, LinkSchema);

const saltItem = storage.defineItem<unknown>(LINK_SALT.key, { fallback: null });

// Made once: two first uses at the same moment (badges for two batches of rows, say) share one new salt,
// where each making its own would leave keys made with the losing one pointing nowhere.
let creatingSalt: Promise<string> | undefined;

async function salt(): Promise<string> {
  const existing = z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .safeParse(await saltItem.getValue());
  if (existing.success) return existing.data;
  creatingSalt ??= (async () => {
    const fresh = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
    await saltItem.setValue(fresh);
    return fresh;
  })().finally(() => {
    creatingSalt = undefined;
  });
  return creatingSalt;
}

/** What identifies this customer, or why nothing does. Masked phones are never used. */
export function customerIdentity(order: Order): { id: string } | { ko: string; en: string } {
  if (order.buyerId) return { id: `${order.store}:id:${order.buyerId.toLowerCase()}` };
  const phone = order.buyerPhone ?? '';
  if (phone && !/[*xX]/.test(phone)) {
    const digits = phone.replace(/\D/g, '');
    if (digits.length >= 9) return { id: `${order.store}:tel:${digits}` };
  }
  return {
    ko: '이 주문에는 구매자 ID나 가리지 않은 연락처가 없어 고객을 기억할 수 없어요.',
    en: 'This order shows no buyer id or unmasked phone, so the customer cannot be remembered.',
  };
}

async function keyWithSalt(order: Order, saltValue: string): Promise<string | null> {
  const who = customerIdentity(order);
  if (!('id' in who)) return null;
  const data = new TextEncoder().encode(`${saltValue}|${who.id}`);
  return [...new Uint8Array(await crypto.subtle.digest('SHA-256', data))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}

export async function customerKey(order: Order): Promise<string | null> {
  return keyWithSalt(order, await salt());
}

/** A stored row as a link, or nothing if it no longer fits the schema. */
function toLink(row: LinkRow | undefined): Link | undefined {
  const parsed = LinkSchema.safeParse(row);
  return parsed.success ? parsed.data : undefined;
}

export async function getLink(order: Order): Promise<Link | null> {
  const key = await customerKey(order);
  return key ? (toLink(await (await linksDb()).get('links', key)) ?? null) : null;
}

/** Links for many orders: one salt read, then only their keys, in one read-only transaction (row badges). */
export async function getLinks(orders: Order[]): Promise<Map<string, Link>> {
  const saltValue = await salt();
  const keyed = await Promise.all(orders.map(async (order) => [order, await keyWithSalt(order, saltValue)] as const));
  const store = (await linksDb()).transaction('links').store;
  const found = await Promise.all(
    keyed.map(async ([order, key]) => [order, key ? toLink(await store.get(key)) : undefined] as const),
  );
  const out = new Map<string, Link>();
  for (const [order, link] of found) if (link) out.set(order.productOrderNo, link);
  return out;
}

export async function setLink(
  order: Order,
  friend: { id?: number | null; uuid: string; nickname: string },
  now = Date.now(),
): Promise<void> {
  const key = await customerKey(order);
  if (!key)
    throw Object.assign(new Error('unlinkable'), {
      code: 'unlinkable',
      ...(customerIdentity(order) as { ko: string; en: string }),
    });
  const link: Link = { friendId: friend.id ?? null, friendUuid: friend.uuid, nickname: friend.nickname, linkedAt: now };
  await (await linksDb()).put('links', { ...link, key });
}

export async function removeLink(order: Order): Promise<void> {
  const key = await customerKey(order);
  if (key) await (await linksDb()).delete('links', key);
}

/** Every link, keyed as in a links file (export, import summaries). */
async function allLinks(): Promise<z.infer<typeof LinksSchema>> {
  const out: z.infer<typeof LinksSchema> = {};
  for (const row of await (await linksDb()).getAll('links')) {
    const link = toLink(row);
    if (link && KeySchema.safeParse(row.key).success) out[row.key] = link;
  }
  return out;
}

/** Part of "erase everything" (data.erase): storage.local.clear() does not reach the database. */
export async function eraseLinks(): Promise<void> {
  await (await linksDb()).clear('links');
}

export const LinksFileSchema = z.object({
  format: z.literal('ordertalk-links'),
  version: z.literal(1),
  salt: z.string().regex(/^[0-9a-f]{32}$/),
  links: LinksSchema,
});

export async function exportLinks(): Promise<z.infer<typeof LinksFileSchema>> {
  return { format: 'ordertalk-links', version: 1, salt: await salt(), links: await allLinks() };
}

/** Importing links also adopts their salt when we have none yet (keys only match under the same salt). */
export async function importLinks(
  file: unknown,
  apply: boolean,
): Promise<{ added: number; replaced: number; unchanged: number }> {
  const parsed = LinksFileSchema.safeParse(file);
  if (!parsed.success) {
    const at = parsed.error.issues[0]?.path.join('.') || '(file)';
    throw Object.assign(new Error('invalid links file'), {
      code: 'invalid-file',
      ko: `연결 파일이 올바르지 않아요 (${at}).`,
      en: `Invalid links file (${at}).`,
    });
  }
  const current = await allLinks();
  const ours = await salt();
  if (parsed.data.salt !== ours && Object.keys(current).length > 0) {
    throw Object.assign(new Error('salt mismatch'), {
      code: 'salt-mismatch',
      ko: '다른 설치본의 연결이라 합칠 수 없어요. 모두 지운 뒤 가져오세요.',
      en: 'These links come from another install; erase all data first to import them.',
    });
  }
  let added = 0;
  let replaced = 0;
  let unchanged = 0;
  for (const [k, v] of Object.entries(parsed.data.links)) {
    if (!current[k]) added++;
    else if (JSON.stringify(current[k]) === JSON.stringify(v)) unchanged++;
    else replaced++;
  }
  if (apply) {
    await saltItem.setValue(parsed.data.salt);
    const tx = (await linksDb()).transaction('links', 'readwrite', { durability: 'strict' });
    await Promise.all([
      ...Object.entries(parsed.data.links).map(([key, link]) => tx.store.put({ ...link, key })),
      tx.done,
    ]);
  }
  return { added, replaced, unchanged };
}

function syllableOverlap(a: string, b: string): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let n = 0;
  for (const c of sa) if (sb.has(c)) n++;
  return n / Math.max(1, Math.max(sa.size, sb.size));
}

/** How much a friend's nickname looks like the buyer or receiver (1 = same name). */
export function nameScore(nickname: string, names: string[]): number {
  const n = nickname.replace(/\s+/g, '').toLowerCase();
  let best = 0;
  for (const raw of names) {
    const name = raw.replace(/\s+/g, '').toLowerCase();
    if (!name) continue;
    if (n === name) return 1;
    if (n.includes(name) || name.includes(n)) best = Math.max(best, 0.8);
    best = Math.max(best, 0.6 * syllableOverlap(n, name));
  }
  return best;
}

/** Friends most likely to be this customer first; a query filters by nickname. */
export function rankFriends<T extends { nickname: string }>(friends: T[], order: Order, query = ''): T[] {
  const q = query.trim().toLowerCase();
  const names = [order.buyerName, order.receiverName ?? ''];
  return friends
    .filter((f) => !q || f.nickname.toLowerCase().includes(q))
    .map((f) => ({ f, s: nameScore(f.nickname, names) }))
    .sort((a, b) => b.s - a.s || a.f.nickname.localeCompare(b.f.nickname, 'ko'))
    .map((x) => x.f);
}
