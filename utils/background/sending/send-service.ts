import type { Order } from '@/utils/shared/order';
import type { KakaoService } from '@/utils/background/kakao/service';
import type { KakaoFriend } from '@/utils/background/kakao/schemas';
import { KakaoError } from '@/utils/background/kakao/errors';
import { MAX_RECEIVERS } from '@/utils/background/kakao/send';
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
import { beginSend, completeSend, lastRecordFor, latestRecords } from '@/utils/background/storage/history';
import { toWireFriend } from '@/utils/background/kakao/background-kakao';

export interface PreparedItem {
  item: ComposeItem;
  rendered: Rendered;
  friend?: KakaoFriend;
}

const bilingual = (e: KakaoError) => ({ code: e.code, ko: e.ko, en: e.en });

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
const progress = new Map<string, { total: number; done: number; results: SendResult[]; cancelled: boolean }>();

export function createSendService(kakao: KakaoService) {
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

  async function prepare(orders: Order[], templateId: string, freeText?: string): Promise<PreparedItem[]> {
    const [settings, auth, friends] = await Promise.all([getSettings(), kakao.authState(), friendsOrEmpty()]);
    const template = await templateById(templateId);
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
      const last = await lastRecordFor(order.productOrderNo, templateId);
      const elig = sendChecks({
        signedIn: auth.signedIn,
        grantedScopes: auth.grantedScopes,
        linked: !!link,
        linkBlocked: 'id' in who ? undefined : who,
        friend: friend ? { allowedMsg: friend.allowed_msg } : undefined,
        quota,
        alreadySent: !!last && (last.status === 'sent' || last.status === 'unknown' || last.status === 'pending'),
        renderProblems: rendered.problems,
      });
      out.push({
        rendered,
        friend,
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
          missingVariables: rendered.missingVariables,
          problems: rendered.problems,
          ...elig,
        },
      });
    }
    return out;
  }

  async function orderStatus(orders: Order[]): Promise<Record<string, RowStatus>> {
    const [friends, records, links] = await Promise.all([
      friendsOrEmpty(),
      latestRecords(orders.map((o) => o.productOrderNo)),
      getLinks(orders),
    ]);
    const out: Record<string, RowStatus> = {};
    for (const order of orders) {
      const last = records.get(order.productOrderNo);
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
   * Sends the chosen orders. Each recipient is written as pending before its request and completed after;
   * recipients share one request only when their rendered messages are identical (≤MAX_RECEIVERS a request).
   */
  async function send(input: {
    sessionId: string;
    orders: Order[];
    templateId: string;
    freeText?: string;
    confirmRepeat: boolean;
    requestId: string;
  }): Promise<SendResult[]> {
    const template = await templateById(input.templateId);
    const prepared = await prepare(input.orders, input.templateId, input.freeText);
    const state = { total: prepared.length, done: 0, results: [] as SendResult[], cancelled: false };
    progress.set(input.sessionId, state);
    const finish = (r: SendResult) => {
      state.results.push(r);
      state.done++;
    };
    // Group identical messages; personalised ones end up alone.
    const groups = new Map<string, PreparedItem[]>();
    for (const p of prepared) {
      const failing = p.item.checks.find((c) => !c.ok && c.severity === 'block');
      if (failing || !p.friend) {
        finish({
          productOrderNo: p.item.order.productOrderNo,
          status: 'skipped',
          error: {
            code: failing?.check ?? 'not-linked',
            ko: failing?.fixKo ?? failing?.ko ?? '연결된 친구가 없어요.',
            en: failing?.fixEn ?? failing?.en ?? 'No linked friend.',
          },
        });
        continue;
      }
      if (p.item.needsReconfirm && !input.confirmRepeat) {
        finish({
          productOrderNo: p.item.order.productOrderNo,
          status: 'skipped',
          error: {
            code: 'needs-confirm',
            ko: '이미 보낸 알림이라 다시 확인이 필요해요.',
            en: 'Already sent; confirm to send again.',
          },
        });
        continue;
      }
      const key = p.rendered.renderedKey;
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    for (const group of groups.values()) {
      for (let i = 0; i < group.length; i += MAX_RECEIVERS) {
        const chunk = group.slice(i, i + MAX_RECEIVERS);
        if (state.cancelled) {
          for (const p of chunk)
            finish({
              productOrderNo: p.item.order.productOrderNo,
              status: 'skipped',
              error: { code: 'cancelled', ko: '취소해서 보내지 않았어요.', en: 'Cancelled before sending.' },
            });
          continue;
        }
        const begun: { p: PreparedItem; recordId: string }[] = [];
        const seen = new Set<string>();
        for (const p of chunk) {
          if (seen.has(p.friend!.uuid)) {
            finish({
              productOrderNo: p.item.order.productOrderNo,
              status: 'skipped',
              error: {
                code: 'same-recipient',
                ko: '같은 고객에게 같은 메시지를 한 번에 두 번 보내지 않아요.',
                en: 'Same message to the same customer twice in one request.',
              },
            });
            continue;
          }
          const begin = await beginSend(
            {
              store: p.item.order.store,
              orderNo: p.item.order.orderNo,
              productOrderNo: p.item.order.productOrderNo,
              recipientNickname: p.friend!.profile_nickname,
              friendId: p.friend!.id ?? null,
              templateId: template.id,
              templateName: template.name,
              requestId: input.requestId,
            },
            { allowRepeat: input.confirmRepeat },
          );
          if (!begin.ok) {
            const ko =
              begin.reason === 'in-flight'
                ? '이미 보내는 중이에요.'
                : begin.reason === 'already-sent'
                  ? '이미 보낸 알림이에요.'
                  : '같은 요청을 두 번 받았어요. 한 번만 보냈어요.';
            finish({
              productOrderNo: p.item.order.productOrderNo,
              status: 'skipped',
              recordId: begin.existing.id,
              error: { code: begin.reason, ko, en: begin.reason },
            });
            continue;
          }
          seen.add(p.friend!.uuid);
          begun.push({ p, recordId: begin.record.id });
        }
        if (!begun.length) continue;
        const results = await kakao.send(
          begun.map((b) => b.p.friend!.uuid),
          { templateObject: chunk[0]!.rendered.templateObject },
        );
        for (const b of begun) {
          const r = results.find((x) => x.uuid === b.p.friend!.uuid);
          const status = r?.status ?? 'unknown';
          const error = r && r.status !== 'sent' ? bilingual(r.error) : undefined;
          await completeSend(b.recordId, { status, error });
          finish({
            productOrderNo: b.p.item.order.productOrderNo,
            status,
            recordId: b.recordId,
            ...(error && { error }),
          });
        }
      }
    }
    return input.orders.map((o) => state.results.find((r) => r.productOrderNo === o.productOrderNo)!).filter(Boolean);
  }

  return {
    prepare,
    orderStatus,
    send,
    progress: (sessionId: string) => progress.get(sessionId) ?? { total: 0, done: 0, results: [], cancelled: false },
    cancel(sessionId: string) {
      const p = progress.get(sessionId);
      if (p) p.cancelled = true;
    },
    async suggest(order: Order, query?: string) {
      const friends = (await kakao.friends()).friends.map(toWireFriend);
      return rankFriends(friends, order, query).slice(0, 20);
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
