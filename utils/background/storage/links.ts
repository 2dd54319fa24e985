import { z } from 'zod';
import type { Order } from '@/utils/shared/order';
import { keyedLinksDb, exportKeyMaterial, replaceLinkRows, type KeyedLinks, type LinkRow } from './links-db';
import { deriveCustomerKey, freshMaterial, hmacKey, KeyMaterialSchema, rekey, SaltSchema } from './customer-key';

// A customer is linked once to one of the operator's KakaoTalk friends and remembered by a keyed hash of
// store + buyer id (or unmasked phone), under a secret only this browser holds (customer-key.ts): no
// buyer's personal data is stored in plain form, and a key cannot be tried against phone numbers.
export const LinkSchema = z.object({
  friendId: z.number().nullable().optional(),
  friendUuid: z.string().min(1),
  nickname: z.string(),
  linkedAt: z.number(),
});
export type Link = z.infer<typeof LinkSchema>;
const KeySchema = z.string().regex(/^[0-9a-f]{64}$/);
const LinksSchema = z.record(KeySchema, LinkSchema);

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

async function keyUnder(material: KeyedLinks, order: Order): Promise<string | null> {
  const who = customerIdentity(order);
  return 'id' in who ? deriveCustomerKey(material, who.id) : null;
}

export async function customerKey(order: Order): Promise<string | null> {
  return keyUnder(await keyedLinksDb(), order);
}

/** A stored row as a link, or nothing if it no longer fits the schema. */
function toLink(row: LinkRow | undefined): Link | undefined {
  const parsed = LinkSchema.safeParse(row);
  return parsed.success ? parsed.data : undefined;
}

export async function getLink(order: Order): Promise<Link | null> {
  const material = await keyedLinksDb();
  const key = await keyUnder(material, order);
  return key ? (toLink(await material.db.get('links', key)) ?? null) : null;
}

/** Links for many orders: their keys, then only those rows, in one read-only transaction (row badges). */
export async function getLinks(orders: Order[]): Promise<Map<string, Link>> {
  const material = await keyedLinksDb();
  const keyed = await Promise.all(orders.map(async (order) => [order, await keyUnder(material, order)] as const));
  const store = material.db.transaction('links').store;
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
  const material = await keyedLinksDb();
  const key = await keyUnder(material, order);
  if (!key)
    throw Object.assign(new Error('unlinkable'), {
      code: 'unlinkable',
      ...(customerIdentity(order) as { ko: string; en: string }),
    });
  const link: Link = { friendId: friend.id ?? null, friendUuid: friend.uuid, nickname: friend.nickname, linkedAt: now };
  await material.db.put('links', { ...link, key });
}

export async function removeLink(order: Order): Promise<void> {
  const material = await keyedLinksDb();
  const key = await keyUnder(material, order);
  if (key) await material.db.delete('links', key);
}

/** Every link, keyed as in a backup (export, import previews). */
async function allLinks(): Promise<z.infer<typeof LinksSchema>> {
  const out: z.infer<typeof LinksSchema> = {};
  for (const row of await (await keyedLinksDb()).db.getAll('links')) {
    const link = toLink(row);
    if (link && KeySchema.safeParse(row.key).success) out[row.key] = link;
  }
  return out;
}

/** Part of "erase everything" (data.erase): storage.local.clear() does not reach the database. The key
 * material goes too; new material is made on next use. */
export async function eraseLinks(): Promise<void> {
  await replaceLinkRows(null, []);
}

/** The links part of a backup: with the key material in plain form, so only ever inside an encrypted file. */
export const LinksPartSchema = KeyMaterialSchema.extend({ links: LinksSchema });
export type LinksPart = z.infer<typeof LinksPartSchema>;

/** Release 1's links file (inside its plain backups): keys are salted hashes, rekeyed when imported. */
export const LinksFileV1Schema = z.object({
  format: z.literal('ordertalk-links'),
  version: z.literal(1),
  salt: SaltSchema,
  links: LinksSchema,
});

export async function exportLinks(): Promise<LinksPart> {
  return { ...(await exportKeyMaterial()), links: await allLinks() };
}

/** Release 1's links as today's: its salt kept, a new secret, each key rekeyed (as migration 2 does). */
export async function linksFromV1(file: z.infer<typeof LinksFileV1Schema>): Promise<LinksPart> {
  const material = freshMaterial(file.salt);
  const key = await hmacKey(material.secret);
  const entries = await Promise.all(
    Object.entries(file.links).map(async ([k, link]) => [await rekey(key, k), link] as const),
  );
  return { ...material, links: Object.fromEntries(entries) };
}

/** How many links there are now and in the part, and how many of the part's keys match a current one. */
export async function compareLinks(part: LinksPart): Promise<{ current: number; incoming: number; same: number }> {
  const current = await allLinks();
  const material = await exportKeyMaterial();
  const sameMaterial = material.salt === part.salt && material.secret === part.secret;
  const keys = Object.keys(part.links);
  return {
    current: Object.keys(current).length,
    incoming: keys.length,
    same: sameMaterial ? keys.filter((k) => k in current).length : 0,
  };
}

/** Every link and the key material replaced by the part's, in one transaction. */
export async function restoreLinks(part: LinksPart): Promise<void> {
  const parsed = LinksPartSchema.parse(part);
  await replaceLinkRows(
    { salt: parsed.salt, secret: parsed.secret },
    Object.entries(parsed.links).map(([key, link]): LinkRow => ({ ...link, key })),
  );
}

/** A release 1 links file or a backup's links part, replacing every link (unless only checked). */
export async function importLinks(file: unknown, apply = true): Promise<{ links: number }> {
  const v1 = LinksFileV1Schema.safeParse(file);
  const part = v1.success
    ? { success: true as const, data: await linksFromV1(v1.data) }
    : LinksPartSchema.safeParse(file);
  if (!part.success) {
    const at = part.error.issues[0]?.path.join('.') || '(file)';
    throw Object.assign(new Error('invalid links file'), {
      code: 'invalid-file',
      ko: `연결 파일이 올바르지 않아요 (${at}).`,
      en: `Invalid links file (${at}).`,
    });
  }
  if (apply) await restoreLinks(part.data);
  return { links: Object.keys(part.data.links).length };
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

/** How alike a nickname must be to count as the buyer's name (contains it, or the same). */
const MATCHES_NAME = 0.8;

/**
 * Friends most likely to be this customer first; a query filters by nickname. A newly connected friend
 * (`fresh`: uuids from storage/new-friends.ts) whose nickname matches the buyer or receiver comes before all
 * others: the customer who just opted in is most likely the one who just ordered.
 */
export function rankFriends<T extends { nickname: string; uuid?: string }>(
  friends: T[],
  order: Order,
  query = '',
  fresh: ReadonlySet<string> = new Set(),
): T[] {
  const q = query.trim().toLowerCase();
  const names = [order.buyerName, order.receiverName ?? ''];
  const first = (f: T, s: number) => (s >= MATCHES_NAME && f.uuid !== undefined && fresh.has(f.uuid) ? 1 : 0);
  return friends
    .filter((f) => !q || f.nickname.toLowerCase().includes(q))
    .map((f) => {
      const s = nameScore(f.nickname, names);
      return { f, s, n: first(f, s) };
    })
    .sort((a, b) => b.n - a.n || b.s - a.s || a.f.nickname.localeCompare(b.f.nickname, 'ko'))
    .map((x) => x.f);
}
