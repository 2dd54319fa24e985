import type { Check, SendResult } from '@/utils/shared/wire';
import type { Output } from '@/utils/shared/protocol';

// What the compose window shows, decided from what the background answered. Pure: the component tests
// exercise every state through these functions and the components that render them.

export type Prepared = Output<'compose.prepare'>;
export type PreparedItem = Prepared['items'][number];

/** The one state each order card is in (data-state on the card). */
export type OrderState = 'ready' | 'sent' | 'needs-link' | 'blocked' | 'unknown';
export const ORDER_STATES: OrderState[] = ['ready', 'sent', 'needs-link', 'blocked', 'unknown'];

/** A state of the whole window: one banner with its one action, instead of the same failure on every order. */
export type BlockReason = 'not-configured' | 'signed-out' | 'consent' | 'store-setup';

/** Checks a window banner already says; the cards leave them out. */
const COVERED: Record<BlockReason, string[]> = {
  'not-configured': ['signed-in', 'consent-friends', 'consent-talk-message'],
  'signed-out': ['signed-in', 'consent-friends', 'consent-talk-message'],
  consent: ['consent-friends', 'consent-talk-message'],
  'store-setup': [],
};

export function windowBlock(p: Pick<Prepared, 'auth' | 'store'>): BlockReason | undefined {
  if (!p.auth.configured) return 'not-configured';
  if (!p.auth.signedIn) return 'signed-out';
  if (p.auth.missingScopes.includes('friends') || p.auth.missingScopes.includes('talk_message')) return 'consent';
  if (!p.store.url || !p.store.name) return 'store-setup';
  return undefined;
}

export type Channel = 'friend' | 'alimtalk' | 'none';

/**
 * The channel an order goes by: the operator's pick on its card when that channel can reach it, else the
 * background's choice. Without AlimTalk every order is a friend message.
 */
export function effectiveChannel(item: PreparedItem, picked?: 'friend' | 'alimtalk'): Channel {
  const c = item.channel;
  if (!c) return 'friend';
  if (picked && c[picked].ok) return picked;
  return c.chosen;
}

/** Whether the order can be sent by that channel. */
export function canSendBy(item: PreparedItem, channel: Channel): boolean {
  if (channel === 'none') return false;
  if (channel === 'alimtalk') return !!item.channel?.alimtalk.ok && !!item.alimtalk;
  return item.canSend;
}

/** What Send passes back for an order: the exact message its card previewed, by its channel. */
export function renderedKeyBy(item: PreparedItem, channel: Channel): string | undefined {
  return channel === 'alimtalk' ? item.alimtalk?.renderedKey : item.renderedKey;
}

/**
 * The card's state. A result of this window's send wins; then what the history says; an order that already
 * got this notice stays "sent" until the operator picks it again on its own card.
 */
export function orderState(
  item: PreparedItem,
  opts: { result?: SendResult; repeatChosen?: boolean; channel?: Channel } = {},
): OrderState {
  const r = opts.result;
  const channel = opts.channel ?? 'friend';
  const canSend = canSendBy(item, channel);
  if (r) {
    if (r.status === 'sent') return 'sent';
    if (r.status === 'unknown' || r.status === 'pending') return 'unknown';
    return 'blocked';
  }
  if (item.lastSent && !opts.repeatChosen) {
    if (item.lastSent.status === 'sent') return canSend || item.canSend ? 'sent' : 'blocked';
    return 'unknown';
  }
  // An order AlimTalk reaches needs no friend link.
  if (channel === 'alimtalk') return canSend ? 'ready' : 'blocked';
  if (!item.link && !item.linkBlocked && channel !== 'none') return 'needs-link';
  return canSend ? 'ready' : 'blocked';
}

/** The checks a card shows: made and passing fold into one line, failing ones each read as a problem. */
export function foldChecks(checks: Check[], block?: BlockReason): { passed: Check[]; problems: Check[] } {
  const hidden = new Set(block ? COVERED[block] : []);
  const shown = checks.filter((c) => !hidden.has(c.check));
  // "Already sent" is said by the card's own state and its "send again" choice, not as a problem.
  return {
    passed: shown.filter((c) => c.ok),
    problems: shown.filter((c) => !c.ok && c.check !== 'not-sent-before'),
  };
}

/** The AlimTalk part of a bulk: how many, what it costs at the account's price, and how much is missing. */
export function alimtalkCost(
  count: number,
  account: Prepared['alimtalk'],
): { count: number; price?: number; total?: number; balance?: number; missing: number } {
  const price = account?.prices?.ata;
  const total = price === undefined ? undefined : price * count;
  const balance = account?.balance;
  const missing = total !== undefined && balance !== undefined && balance < total ? total - balance : 0;
  return { count, price, total, balance, missing };
}

/** How many orders are in each state: the bulk summary line. */
export function countStates(states: OrderState[]): Record<OrderState, number> {
  const out = { ready: 0, sent: 0, 'needs-link': 0, blocked: 0, unknown: 0 };
  for (const s of states) out[s]++;
  return out;
}

/** The host a link opens, as the preview shows it under the buttons ("" when it is not a URL yet). */
export function linkHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** Two previews the customer would see differently. */
export function previewKey(item: Pick<PreparedItem, 'preview' | 'order'>): string {
  return JSON.stringify([item.order.productOrderNo, item.preview ?? null]);
}
