import type { Order } from '@/utils/shared/order';
import type { KakaoService } from '@/utils/background/kakao/service';
import type { KakaoFriend } from '@/utils/background/kakao/schemas';
import { KakaoError } from '@/utils/background/kakao/errors';
import { MAX_RECEIVERS, type RecipientResult } from '@/utils/background/kakao/send';
import type { ComposeItem, SendResult } from '@/utils/shared/wire';
import type { OrderStatus as RowStatus } from '@/utils/shared/protocol';
import { getSettings } from '@/utils/background/storage/settings-store';
import { FREE_TEXT_ID, type Template } from '@/utils/shared/templates';
import { findTemplate } from '@/utils/background/storage/template-store';
import { renderTemplate, type Rendered } from './render';
import { sendChecks } from './send-checks';
import {
  customerIdentity,
  getLink,
  getLinks,
  rankFriends,
  removeLink,
  setLink,
} from '@/utils/background/storage/links';
import {
  beginSend,
  completeSend,
  lastRecordFor,
  latestRecords,
  recordsOfRequest,
} from '@/utils/background/storage/history';
import { toWireFriend } from '@/utils/background/kakao/background-kakao';
import type { AlimtalkChannel, AlimtalkContext, AlimtalkEligibility } from './alimtalk-channel';
import { chooseChannel, type Channel } from '@/utils/shared/alimtalk';
import type { ComposeAlimtalk } from '@/utils/shared/alimtalk-wire';
import { newFriendUuids } from '@/utils/background/storage/new-friends';

export interface PreparedItem {
  item: ComposeItem;
  rendered: Rendered;
  friend?: KakaoFriend;
  /** Whether AlimTalk can reach this order, with exactly what it would send (absent while AlimTalk is off). */
  alimtalk?: AlimtalkEligibility;
}

const bilingual = (e: KakaoError) => ({ code: e.code, ko: e.ko, en: e.en });

/** Friends and granted scopes older than this are read again right before a send. */
export const FRESH_MS = 3 * 60 * 1000;

/** A linked friend no longer in the friends list, found right before sending. */
/** The message Send would send is not the one the operator's preview showed (settings or template changed). */
export const PREVIEW_CHANGED = {
  code: 'preview-changed',
  ko: '미리보기 뒤에 설정이나 템플릿이 바뀌어 보낼 내용이 달라졌어요. 새 미리보기를 확인하고 다시 보내 주세요.',
  en: 'Settings or the template changed after the preview, so the message differs. Check the new preview and send again.',
};

export const FRIEND_GONE = {
  code: 'friend-gone',
  ko: '이 고객이 친구 목록에서 사라졌어요 — 친구 목록 새로 고침',
  en: 'This customer is no longer in your friends list — refresh the friends list',
};
const CONSENT_MISSING = {
  code: 'consent-missing',
  ko: '친구 목록이나 메시지 전송 동의가 없어요. 동의를 받은 뒤 다시 보내 주세요.',
  en: 'The friends or message consent is missing; grant it and send again.',
};
const UNKNOWN = new KakaoError('unknown-outcome');

export async function templateById(id: string): Promise<Template> {
  const t = await findTemplate(id);
  if (!t)
    throw Object.assign(new Error('no template'), {
      code: 'no-template',
      ko: '없는 템플릿이에요.',
      en: 'Unknown template.',
    });
  return t;
}

/** Progress of a bulk send, per compose session (kept in memory: the page is waiting on it). */
const progress = new Map<
  string,
  { requestId: string; total: number; done: number; results: SendResult[]; cancelled: boolean }
>();

export function createSendService(
  kakao: KakaoService,
  now: () => number = Date.now,
  alimtalkChannel?: AlimtalkChannel,
) {
  /** Set by a refusal from Kakao: what we know of friends and consent may be wrong, read them again. */
  let stale = false;

  /** Friends and scopes as Kakao has them now: re-read when older than FRESH_MS, or always when forced. */
  async function freshen(force: boolean): Promise<void> {
    const list = await kakao.friends().catch(() => null);
    if (force || !list || now() - list.fetchedAt > FRESH_MS) await kakao.friends(true).catch(() => undefined);
    await kakao.freshAuthState(force ? 0 : FRESH_MS);
  }

  async function friendsOrEmpty(): Promise<KakaoFriend[] | null> {
    try {
      return (await kakao.friends()).friends;
    } catch {
      return null;
    }
  }

  function findFriend(
    friends: KakaoFriend[] | null,
    link: { friendId?: number | null; friendUuid: string },
  ): KakaoFriend | undefined {
    // uuids may change; the Kakao user id is the stable key.
    return friends?.find((f) => (link.friendId != null && f.id === link.friendId) || f.uuid === link.friendUuid);
  }

  async function prepare(
    orders: Order[],
    templateId: string,
    freeText?: string,
    alimtalkCtx?: AlimtalkContext,
  ): Promise<PreparedItem[]> {
    const [settings, auth, friends] = await Promise.all([getSettings(), kakao.authState(), friendsOrEmpty()]);
    const template = await templateById(templateId);
    const actx = alimtalkCtx ?? (alimtalkChannel ? await alimtalkChannel.context(settings) : undefined);
    const ctx = {
      storeName: settings.store.name,
      storeUrl: settings.store.url,
      linkDomains: settings.store.linkDomains,
    };
    const out: PreparedItem[] = [];
    for (const order of orders) {
      const rendered = renderTemplate(template, order, ctx, templateId === FREE_TEXT_ID ? (freeText ?? '') : undefined);
      const link = await getLink(order);
      const who = customerIdentity(order);
      const friend = link ? findFriend(friends, link) : undefined;
      const quota = await kakao.quotaLeft(friend?.uuid);
      const last = await lastRecordFor(order, templateId);
      // A record that may have reached the customer counts as sent: unknown and pending too.
      const possiblySent = !!last && (last.status === 'sent' || last.status === 'unknown' || last.status === 'pending');
      const elig = sendChecks({
        signedIn: auth.signedIn,
        grantedScopes: auth.grantedScopes,
        linked: !!link,
        linkBlocked: 'id' in who ? undefined : who,
        friend: friend ? { allowedMsg: friend.allowed_msg } : undefined,
        quota,
        alreadySent: possiblySent,
        renderProblems: rendered.problems,
      });
      const alimtalk = actx?.enabled ? alimtalkChannel!.forOrder(actx, order, template) : undefined;
      out.push({
        rendered,
        friend,
        ...(alimtalk && { alimtalk }),
        item: {
          order,
          ...(link && {
            link: {
              friendId: link.friendId,
              friendUuid: friend?.uuid ?? link.friendUuid,
              nickname: friend?.profile_nickname || link.nickname,
            },
          }),
          ...(!('id' in who) && { linkBlocked: who }),
          preview: rendered.preview,
          renderedKey: rendered.renderedKey,
          missingVariables: rendered.missingVariables,
          problems: rendered.problems,
          ...elig,
          ...(possiblySent && {
            lastSent: { at: last.completedAt ?? last.createdAt, templateName: last.templateName, status: last.status },
          }),
          ...(alimtalk && channelView(elig, alimtalk)),
        },
      });
    }
    return out;
  }

  /** Both channels' verdicts for one order, the one chosen, and the AlimTalk it would get. */
  function channelView(
    elig: { canSend: boolean; checks: ComposeItem['checks'] },
    alimtalk: AlimtalkEligibility,
  ): Pick<ComposeItem, 'channel' | 'alimtalk'> {
    const failing = elig.checks.find((c) => !c.ok && c.severity === 'block');
    const friend = elig.canSend
      ? { ok: true }
      : { ok: false, reason: { ko: failing?.ko ?? '보낼 수 없음', en: failing?.en ?? 'not possible' } };
    const at = alimtalk.ok ? { ok: true } : { ok: false, reason: alimtalk.reason };
    const choice = chooseChannel({ friend, alimtalk: at });
    return {
      channel: {
        chosen: choice.channel,
        friend,
        alimtalk: at,
        ...(choice.explanation && { explanation: choice.explanation }),
      },
      ...(alimtalk.ok && {
        alimtalk: {
          channelName: alimtalk.channelName,
          templateName: alimtalk.templateName,
          text: alimtalk.rendered.text,
          buttons: alimtalk.rendered.buttons,
          phoneMasked: alimtalk.rendered.phoneMasked,
          renderedKey: alimtalk.rendered.renderedKey,
        },
      }),
    };
  }

  async function orderStatus(orders: Order[]): Promise<Record<string, RowStatus>> {
    const stores = [...new Set(orders.map((o) => o.store))];
    const [friends, perStore, links] = await Promise.all([
      friendsOrEmpty(),
      Promise.all(
        stores.map((store) =>
          latestRecords(
            orders.filter((o) => o.store === store).map((o) => o.productOrderNo),
            store,
          ),
        ),
      ),
      getLinks(orders),
    ]);
    const out: Record<string, RowStatus> = {};
    for (const order of orders) {
      const last = perStore[stores.indexOf(order.store)]!.get(order.productOrderNo);
      const link = links.get(order.productOrderNo);
      let state: RowStatus['state'];
      if (last?.status === 'sent') state = 'sent';
      else if (last?.status === 'unknown' || last?.status === 'pending') state = 'unknown';
      else if (!link) state = 'needs-link';
      else {
        const friend = findFriend(friends, link);
        state = friends && (!friend || friend.allowed_msg === false) ? 'unreachable' : 'linked';
      }
      out[order.productOrderNo] = { state };
    }
    return out;
  }

  /**
   * Sends the chosen orders. Each recipient is written as pending right before its request and completed
   * after; recipients share one request only when their rendered messages are identical (≤MAX_RECEIVERS a request).
   * Every order ends in one state: sent, failed or skipped (with the reason), or unknown when Kakao's answer
   * does not say whether it arrived. A repeat goes only to the orders in confirmRepeatFor.
   */
  async function send(input: {
    sessionId: string;
    orders: Order[];
    templateId: string;
    freeText?: string;
    confirmRepeatFor: string[];
    /** productOrderNo → the renderedKey its preview showed; when given, a different message is not sent. */
    previewed?: Record<string, string>;
    /** productOrderNo → the channel its card showed; an order is never moved to another channel unseen. */
    channels?: Record<string, Channel>;
    requestId: string;
  }): Promise<SendResult[]> {
    // Progress exists from the click on: a Cancel pressed while the orders are still being checked is kept.
    const state = {
      requestId: input.requestId,
      total: input.orders.length,
      done: 0,
      results: [] as SendResult[],
      cancelled: false,
    };
    progress.set(input.sessionId, state);
    const template = await templateById(input.templateId);
    const confirmed = new Set(input.confirmRepeatFor);
    // Decide on what Kakao has now: a friend removed or a consent withdrawn since the window opened.
    await freshen(stale);
    stale = false;
    const settings = await getSettings();
    const actx = alimtalkChannel ? await alimtalkChannel.context(settings) : undefined;
    const prepared = await prepare(input.orders, input.templateId, input.freeText, actx);
    state.total = prepared.length;
    const byAlimtalk: Parameters<AlimtalkChannel['send']>[0] = [];
    const finish = (r: SendResult) => {
      state.results.push(r);
      state.done++;
    };
    const skip = (p: PreparedItem, error: SendResult['error'], status: 'skipped' | 'failed' = 'skipped') =>
      finish({ productOrderNo: p.item.order.productOrderNo, status, error });
    // Group identical messages; personalised ones end up alone.
    const groups = new Map<string, PreparedItem[]>();
    for (const p of prepared) {
      const no = p.item.order.productOrderNo;
      const channel = p.alimtalk ? (input.channels?.[no] ?? p.item.channel?.chosen ?? 'friend') : 'friend';
      if (channel === 'none') {
        skip(p, { code: 'no-channel', ...(p.item.channel?.explanation ?? { ko: '보낼 수 없음', en: 'Cannot send' }) });
        continue;
      }
      if (channel === 'alimtalk') {
        const a = p.alimtalk!;
        if (!a.ok)
          skip(p, {
            code: 'alimtalk-unavailable',
            ko: `알림톡 불가: ${a.reason.ko}`,
            en: `No AlimTalk: ${a.reason.en}`,
          });
        else if (input.previewed && input.previewed[no] !== a.rendered.renderedKey) skip(p, PREVIEW_CHANGED);
        else if (p.item.needsReconfirm && !confirmed.has(no))
          skip(p, {
            code: 'needs-confirm',
            ko: '이미 보낸 알림이라 다시 확인이 필요해요.',
            en: 'Already sent; confirm to send again.',
          });
        else byAlimtalk.push({ order: p.item.order, template, rendered: a.rendered, allowRepeat: confirmed.has(no) });
        continue;
      }
      const seen = input.previewed?.[p.item.order.productOrderNo];
      if (input.previewed && seen !== p.rendered.renderedKey) {
        skip(p, PREVIEW_CHANGED);
        continue;
      }
      const failing = p.item.checks.find((c) => !c.ok && c.severity === 'block');
      if (failing?.check === 'in-friends-list') {
        skip(p, FRIEND_GONE);
        continue;
      }
      if (failing || !p.friend) {
        skip(p, {
          code: failing?.check ?? 'not-linked',
          ko: failing?.fixKo ?? failing?.ko ?? '연결된 친구가 없어요.',
          en: failing?.fixEn ?? failing?.en ?? 'No linked friend.',
        });
        continue;
      }
      if (p.item.needsReconfirm && !confirmed.has(p.item.order.productOrderNo)) {
        skip(p, {
          code: 'needs-confirm',
          ko: '이미 보낸 알림이라 다시 확인이 필요해요.',
          en: 'Already sent; confirm to send again.',
        });
        continue;
      }
      const key = p.rendered.renderedKey;
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    const seen = new Set<string>();
    for (const group of groups.values()) {
      for (let i = 0; i < group.length; i += MAX_RECEIVERS) {
        await sendChunk(group.slice(i, i + MAX_RECEIVERS));
      }
    }
    if (byAlimtalk.length && state.cancelled)
      for (const b of byAlimtalk)
        finish({
          productOrderNo: b.order.productOrderNo,
          status: 'skipped',
          error: { code: 'cancelled', ko: '취소해서 보내지 않았어요.', en: 'Cancelled before sending.' },
        });
    else if (byAlimtalk.length)
      for (const r of await alimtalkChannel!.send(byAlimtalk, input.requestId, actx!)) finish(r);
    return input.orders.map((o) => state.results.find((r) => r.productOrderNo === o.productOrderNo)!).filter(Boolean);

    /** One request's worth: checked again, recorded pending, sent, completed. Never leaves an order open. */
    // Friends already given this message in this bulk: two orders of one customer that render the same message
    // may fall into different requests of 5, and the customer should still get it once.
    async function sendChunk(chunk: PreparedItem[]): Promise<void> {
      const open = new Set(chunk);
      const begun: { p: PreparedItem; recordId: string }[] = [];
      let requested = false;
      const close = (p: PreparedItem, r: Omit<SendResult, 'productOrderNo'>) => {
        open.delete(p);
        finish({ productOrderNo: p.item.order.productOrderNo, ...r });
      };
      try {
        if (state.cancelled) {
          for (const p of chunk)
            close(p, {
              status: 'skipped',
              error: { code: 'cancelled', ko: '취소해서 보내지 않았어요.', en: 'Cancelled before sending.' },
            });
          return;
        }
        // After a refusal earlier in this bulk, read friends and consent again before the next request.
        if (stale) {
          await freshen(true);
          stale = false;
        }
        const auth = await kakao.authState();
        const friends = await friendsOrEmpty();
        const ready: PreparedItem[] = [];
        for (const p of chunk) {
          const friend = p.item.link ? findFriend(friends, p.item.link) : undefined;
          if (!auth.signedIn) close(p, { status: 'failed', error: bilingual(new KakaoError('signed-out')) });
          else if (!auth.grantedScopes.includes('friends') || !auth.grantedScopes.includes('talk_message'))
            close(p, { status: 'failed', error: CONSENT_MISSING });
          else if (!friend) close(p, { status: 'skipped', error: FRIEND_GONE });
          else if (seen.has(friend.uuid))
            close(p, {
              status: 'skipped',
              error: {
                code: 'same-recipient',
                ko: '같은 고객에게 같은 메시지를 한 번에 두 번 보내지 않아요.',
                en: 'Same message to the same customer twice in one request.',
              },
            });
          else {
            seen.add(friend.uuid);
            p.friend = friend;
            ready.push(p);
          }
        }
        for (const p of ready) {
          const begin = await beginSend(
            {
              store: p.item.order.store,
              orderNo: p.item.order.orderNo,
              productOrderNo: p.item.order.productOrderNo,
              recipientNickname: p.friend!.profile_nickname,
              buyerName: p.item.order.buyerName,
              productName: p.item.order.productName,
              friendId: p.friend!.id ?? null,
              templateId: template.id,
              templateName: template.name,
              requestId: input.requestId,
            },
            { allowRepeat: confirmed.has(p.item.order.productOrderNo) },
          );
          if (!begin.ok) {
            const [ko, en] =
              begin.reason === 'in-flight'
                ? ['이미 보내는 중이에요.', 'Already being sent.']
                : begin.reason === 'already-sent'
                  ? ['이미 보낸 알림이에요.', 'This notification was already sent.']
                  : [
                      '같은 요청을 두 번 받았어요. 한 번만 보냈어요.',
                      'The same request arrived twice; it was sent once.',
                    ];
            close(p, { status: 'skipped', recordId: begin.existing.id, error: { code: begin.reason, ko, en } });
            continue;
          }
          begun.push({ p, recordId: begin.record.id });
        }
        if (!begun.length) return;
        requested = true;
        let results: RecipientResult[];
        try {
          results = await kakao.send(
            begun.map((b) => b.p.friend!.uuid),
            { templateObject: chunk[0]!.rendered.templateObject },
          );
        } catch (error) {
          // Signed out before the request went: not sent. Anything else: it may have gone.
          const notSent = error instanceof KakaoError && error.code === 'signed-out';
          const err = error instanceof KakaoError ? error : UNKNOWN;
          results = begun.map((b) => ({ uuid: b.p.friend!.uuid, status: notSent ? 'failed' : 'unknown', error: err }));
        }
        for (const b of begun) {
          const r = results.find((x) => x.uuid === b.p.friend!.uuid);
          const status = r?.status ?? 'unknown';
          const error = r?.status === 'sent' ? undefined : bilingual(r?.error ?? UNKNOWN);
          if (status === 'failed') stale = true;
          await completeSend(b.recordId, { status, error });
          close(b.p, { status, recordId: b.recordId, ...(error && { error }) });
        }
      } catch (error) {
        // Our own step failed (storage, a read): before the request nothing went; after it, it may have.
        const err = error instanceof KakaoError ? error : UNKNOWN;
        for (const p of open) {
          const b = begun.find((x) => x.p === p);
          const status = requested ? 'unknown' : 'failed';
          const reason = requested ? bilingual(UNKNOWN) : bilingual(err);
          if (b) await completeSend(b.recordId, { status, error: reason }).catch(() => undefined);
          close(p, { status, ...(b && { recordId: b.recordId }), error: reason });
        }
      }
    }
  }

  /** A send's outcome read back from the history, for when its progress went with a restarted worker. */
  async function outcomesFromHistory(orders: Order[], requestId: string): Promise<SendResult[]> {
    const records = await recordsOfRequest(
      orders.map((o) => o.productOrderNo),
      requestId,
    );
    return orders.map((o): SendResult => {
      const r = records
        .filter((x) => x.store === o.store && x.productOrderNo === o.productOrderNo)
        .sort((a, b) => b.createdAt - a.createdAt)[0];
      if (!r)
        return {
          productOrderNo: o.productOrderNo,
          status: 'skipped',
          error: {
            code: 'not-requested',
            ko: '보내지 않았어요 — 중단되기 전에 차례가 오지 않았어요.',
            en: 'Not sent: the send stopped before reaching this order.',
          },
        };
      // A pending record here was cut off mid-request (recovery makes it unknown): it may have arrived.
      const status = r.status === 'pending' ? 'unknown' : r.status;
      return { productOrderNo: o.productOrderNo, status, recordId: r.id, ...(r.error && { error: r.error }) };
    });
  }

  /** The AlimTalk part of compose: on or off, the channel, prices and balance. */
  async function alimtalkView(): Promise<ComposeAlimtalk> {
    if (!alimtalkChannel) return { enabled: false };
    return alimtalkChannel.accountView(await alimtalkChannel.context(await getSettings()));
  }

  return {
    prepare,
    alimtalkView,
    orderStatus,
    send,
    progress: (sessionId: string) =>
      progress.get(sessionId) ?? { requestId: '', total: 0, done: 0, results: [], cancelled: false },
    outcomesFromHistory,
    cancel(sessionId: string) {
      const p = progress.get(sessionId);
      if (p) p.cancelled = true;
    },
    async suggest(order: Order, query?: string) {
      const friends = (await kakao.friends()).friends.map(toWireFriend);
      return rankFriends(friends, order, query, await newFriendUuids()).slice(0, 20);
    },
    async link(order: Order, friendUuid: string) {
      const friend = (await kakao.friends()).friends.find((f) => f.uuid === friendUuid);
      if (!friend) throw new KakaoError('-502');
      await setLink(order, { id: friend.id, uuid: friend.uuid, nickname: friend.profile_nickname });
    },
    unlink: removeLink,
  };
}
export type SendService = ReturnType<typeof createSendService>;
