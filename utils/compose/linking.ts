import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { Order } from '@/utils/orders/order';

// A customer is linked once to one of the operator's KakaoTalk friends and remembered by a salted hash of
// store + buyer id (or unmasked phone): no buyer's personal data is stored in plain form.
export const LinkSchema = z.object({
  friendId: z.number().nullable().optional(),
  friendUuid: z.string().min(1),
  nickname: z.string(),
  linkedAt: z.number(),
});
export type Link = z.infer<typeof LinkSchema>;
const LinksSchema = z.record(z.string().regex(/^[0-9a-f]{64}$/), LinkSchema);

const saltItem = storage.defineItem<unknown>('local:linkSalt', { fallback: null });
const linksItem = storage.defineItem<unknown>('local:customerLinks', { fallback: {}, version: 1 });

// Made once: two first uses at the same moment (badges for two batches of rows, say) share one new salt,
// where each making its own would leave keys made with the losing one pointing nowhere.
let creatingSalt: Promise<string> | undefined;

async function salt(): Promise<string> {
  const existing = z.string().regex(/^[0-9a-f]{32}$/).safeParse(await saltItem.getValue());
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
  return [...new Uint8Array(await crypto.subtle.digest('SHA-256', data))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function customerKey(order: Order): Promise<string | null> {
  return keyWithSalt(order, await salt());
}

// Link writes read the whole map and write it back: one at a time, or two links made together (the operator
// linking customers quickly, each a separate message) could lose one.
let chain: Promise<unknown> = Promise.resolve();
function locked<T>(run: () => Promise<T>): Promise<T> {
  const next = chain.then(run);
  chain = next.catch(() => undefined);
  return next;
}

async function readLinks(): Promise<z.infer<typeof LinksSchema>> {
  const parsed = LinksSchema.safeParse(await linksItem.getValue());
  return parsed.success ? parsed.data : {};
}

export async function getLink(order: Order): Promise<Link | null> {
  const key = await customerKey(order);
  return key ? ((await readLinks())[key] ?? null) : null;
}

/** Links for many orders with one read of the salt and the links (row badges). */
export async function getLinks(orders: Order[]): Promise<Map<string, Link>> {
  const [saltValue, links] = await Promise.all([salt(), readLinks()]);
  const out = new Map<string, Link>();
  for (const order of orders) {
    const key = await keyWithSalt(order, saltValue);
    const link = key ? links[key] : undefined;
    if (link) out.set(order.productOrderNo, link);
  }
  return out;
}

export async function setLink(order: Order, friend: { id?: number | null; uuid: string; nickname: string }, now = Date.now()): Promise<void> {
  const key = await customerKey(order);
  if (!key) throw Object.assign(new Error('unlinkable'), { code: 'unlinkable', ...(customerIdentity(order) as { ko: string; en: string }) });
  await locked(async () => {
    const links = await readLinks();
    links[key] = { friendId: friend.id ?? null, friendUuid: friend.uuid, nickname: friend.nickname, linkedAt: now };
    await linksItem.setValue(links);
  });
}

export async function removeLink(order: Order): Promise<void> {
  const key = await customerKey(order);
  if (!key) return;
  await locked(async () => {
    const links = await readLinks();
    delete links[key];
    await linksItem.setValue(links);
  });
}

export const LinksFileSchema = z.object({ format: z.literal('ordertalk-links'), version: z.literal(1), salt: z.string().regex(/^[0-9a-f]{32}$/), links: LinksSchema });

export async function exportLinks(): Promise<z.infer<typeof LinksFileSchema>> {
  return { format: 'ordertalk-links', version: 1, salt: await salt(), links: await readLinks() };
}

/** Importing links also adopts their salt when we have none yet (keys only match under the same salt). */
export async function importLinks(file: unknown, apply: boolean): Promise<{ added: number; replaced: number; unchanged: number }> {
  const parsed = LinksFileSchema.safeParse(file);
  if (!parsed.success) {
    const at = parsed.error.issues[0]?.path.join('.') || '(file)';
    throw Object.assign(new Error('invalid links file'), { code: 'invalid-file', ko: `연결 파일이 올바르지 않아요 (${at}).`, en: `Invalid links file (${at}).` });
  }
  return locked(async () => {
    const current = await readLinks();
    const ours = await salt();
    if (parsed.data.salt !== ours && Object.keys(current).length > 0) {
      throw Object.assign(new Error('salt mismatch'), { code: 'salt-mismatch', ko: '다른 설치본의 연결이라 합칠 수 없어요. 모두 지운 뒤 가져오세요.', en: 'These links come from another install; erase all data first to import them.' });
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
      await linksItem.setValue({ ...current, ...parsed.data.links });
    }
    return { added, replaced, unchanged };
  });
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
