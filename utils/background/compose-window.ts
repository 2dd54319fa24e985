import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { OrderSchema, type Order } from '@/utils/shared/order';
import { COMPOSE_SESSIONS } from '@/utils/shared/storage-keys';

// A compose session holds the orders one click asked about. It lives in storage.session so a restarted
// service worker still knows them, and the compose window refers to it only by a random id.
const SessionSchema = z.object({ orders: z.array(OrderSchema).min(1), createdAt: z.number() });
export type ComposeSession = z.infer<typeof SessionSchema>;

const MAX_AGE_MS = 12 * 60 * 60 * 1000;
const sessionsItem = storage.defineItem<Record<string, unknown>>(COMPOSE_SESSIONS.key, { fallback: {} });

async function readAll(now: number): Promise<Record<string, ComposeSession>> {
  const out: Record<string, ComposeSession> = {};
  for (const [id, raw] of Object.entries(await sessionsItem.getValue())) {
    const parsed = SessionSchema.safeParse(raw);
    if (parsed.success && now - parsed.data.createdAt < MAX_AGE_MS) out[id] = parsed.data;
  }
  return out;
}

export async function createComposeSession(orders: Order[], now = Date.now()): Promise<string> {
  const id = crypto.randomUUID();
  const all = await readAll(now);
  all[id] = { orders, createdAt: now };
  await sessionsItem.setValue(all);
  return id;
}

export async function getComposeSession(id: string, now = Date.now()): Promise<ComposeSession | null> {
  return (await readAll(now))[id] ?? null;
}

/** An extension-owned window: the store page can neither script it nor embed it. */
export async function openComposeWindow(sessionId: string, orderCount: number): Promise<void> {
  await browser.windows.create({
    // Typed page paths only know entrypoints present at `wxt prepare` time.
    url: (browser.runtime.getURL as (path: string) => string)(`/compose.html#${sessionId}`),
    type: 'popup',
    width: orderCount > 1 ? 760 : 520,
    height: 820,
    focused: true,
  });
}
