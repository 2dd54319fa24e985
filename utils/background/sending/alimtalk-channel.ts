import type { Order } from '@/utils/shared/order';
import type { Settings } from '@/utils/shared/settings-schema';
import type { Bilingual } from '@/utils/shared/alimtalk';
import type { ComposeAlimtalk, Delivery } from '@/utils/shared/alimtalk-wire';
import type { SendResult } from '@/utils/shared/wire';
import type { SolapiService } from '@/utils/background/solapi/service';
import type { AtaMessage } from '@/utils/background/solapi/schemas';
import { SolapiError } from '@/utils/background/solapi/errors';
import { classifyStatus } from '@/utils/background/solapi/status-codes';
import { sendAsGroup, recoverGroupJobs, type GroupOutcome } from '@/utils/background/solapi/group-send';
import { deliveryReport } from '@/utils/background/solapi/delivery';
import type { SolapiCredentialsStore } from '@/utils/background/secrets/solapi-credentials';
import { getSyncedTemplates, type Synced } from '@/utils/background/storage/alimtalk-templates';
import { alimtalkToTrack, amendRecord, beginSend, completeSend } from '@/utils/background/storage/history';
import { FREE_TEXT_ID, type Template } from '@/utils/shared/templates';
import { renderAlimtalk, type AlimtalkRendered } from './alimtalk-render';

// The AlimTalk channel of a send: whether it can reach an order (and why not), what it costs, and the send itself
// through SOLAPI's group flow — each order recorded pending before the group goes, its outcome after, its delivery
// as SOLAPI reports it later. Unknown outcomes are resolved by asking SOLAPI, never by sending again.

const OFF = (ko: string, en: string): Bilingual => ({ ko, en });

export interface AlimtalkContext {
  enabled: boolean;
  /** Why AlimTalk cannot reach any order at all (off, no key, no channel). */
  blocked?: Bilingual;
  settings: Settings;
  synced: Synced | null;
}

export type AlimtalkEligibility =
  | { ok: true; rendered: Extract<AlimtalkRendered, { ok: true }>; templateName: string; channelName: string }
  | { ok: false; reason: Bilingual };

/** Prices and balance are read at most this often while a compose window is open. */
const ACCOUNT_TTL_MS = 30_000;

export function createAlimtalkChannel(
  solapi: SolapiService,
  credentials: SolapiCredentialsStore,
  now: () => number = Date.now,
) {
  let account: { at: number; value: ComposeAlimtalk } | undefined;

  async function context(settings: Settings): Promise<AlimtalkContext> {
    const a = settings.alimtalk;
    if (!a.enabled)
      return { enabled: false, settings, synced: null, blocked: OFF('알림톡이 꺼져 있어요', 'AlimTalk is off') };
    const [cred, synced] = await Promise.all([credentials.describe(), getSyncedTemplates()]);
    const blocked = !cred.set
      ? OFF('솔라피 API 키가 없어요 — 설정 › 알림톡', 'No SOLAPI API key — Settings › AlimTalk')
      : !a.channelId
        ? OFF('알림톡 채널을 고르지 않았어요 — 설정 › 알림톡', 'No AlimTalk channel chosen — Settings › AlimTalk')
        : undefined;
    return {
      enabled: true,
      settings,
      synced: synced?.channelId === a.channelId ? synced : null,
      ...(blocked && { blocked }),
    };
  }

  /** Whether this order's notice can go by AlimTalk, and exactly what would be sent. */
  function forOrder(ctx: AlimtalkContext, order: Order, template: Template): AlimtalkEligibility {
    if (ctx.blocked) return { ok: false, reason: ctx.blocked };
    if (template.id === FREE_TEXT_ID)
      return {
        ok: false,
        reason: OFF(
          '직접 입력한 글은 알림톡으로 보낼 수 없어요(승인된 템플릿만)',
          'Free text cannot go by AlimTalk (approved templates only)',
        ),
      };
    const a = ctx.settings.alimtalk;
    const templateId = a.notices[template.id];
    const synced = templateId ? ctx.synced?.templates.find((t) => t.templateId === templateId) : undefined;
    if (!synced)
      return {
        ok: false,
        reason: {
          ko: `'${template.name}'에 연결한 알림톡 템플릿이 없어요 — 설정 › 알림톡`,
          en: `No AlimTalk template answers '${template.name}' — Settings › AlimTalk`,
        },
      };
    const rendered = renderAlimtalk(synced, a.mappings[synced.templateId] ?? {}, order, {
      storeName: ctx.settings.store.name,
      storeUrl: ctx.settings.store.url,
    });
    return rendered.ok
      ? { ok: true, rendered, templateName: synced.name, channelName: a.channelName || a.channelId }
      : { ok: false, reason: rendered.reason };
  }

  /** The account's prices and balance, for the bulk's cost line; a failure says why instead of blocking compose. */
  async function accountView(ctx: AlimtalkContext, fresh = false): Promise<ComposeAlimtalk> {
    if (!ctx.enabled || ctx.blocked) return { enabled: false };
    if (!fresh && account && now() - account.at < ACCOUNT_TTL_MS) return account.value;
    const channelName = ctx.settings.alimtalk.channelName || ctx.settings.alimtalk.channelId;
    try {
      const [balance, prices] = await Promise.all([solapi.balance(), solapi.pricing()]);
      const value = {
        enabled: true,
        channelName,
        balance: balance.balance + balance.point,
        prices: { ata: prices.ata, sms: prices.sms },
      };
      account = { at: now(), value };
      return value;
    } catch (error) {
      const e = error instanceof SolapiError ? error : undefined;
      return {
        enabled: true,
        channelName,
        problem: {
          ko: `잔액과 단가를 확인하지 못했어요: ${e?.ko ?? '솔라피가 답하지 않았어요'}`,
          en: `Could not read balance and prices: ${e?.en ?? 'SOLAPI did not answer'}`,
        },
      };
    }
  }

  /**
   * Sends the AlimTalk part of one Send click as one SOLAPI group (split only so that no number appears twice in a
   * group, which SOLAPI would refuse as 1026). Returns one result per item.
   */
  async function send(
    items: {
      order: Order;
      template: Template;
      rendered: Extract<AlimtalkRendered, { ok: true }>;
      allowRepeat: boolean;
    }[],
    requestId: string,
    ctx: AlimtalkContext,
  ): Promise<SendResult[]> {
    const results: SendResult[] = [];
    if (!items.length) return results;
    const view = await accountView(ctx, true);
    const price = view.prices?.ata;
    if (view.balance !== undefined && price !== undefined && view.balance < price * items.length) {
      const missing = price * items.length - view.balance;
      const error = {
        code: 'low-balance',
        ko: `솔라피 잔액이 ${missing.toLocaleString('ko-KR')}원 모자라요(필요 ${(price * items.length).toLocaleString('ko-KR')}원, 잔액 ${view.balance.toLocaleString('ko-KR')}원). 충전한 뒤 다시 보내 주세요.`,
        en: `SOLAPI balance is ${missing} KRW short (needs ${price * items.length}, has ${view.balance}). Top up and send again.`,
      };
      return items.map((i) => ({ productOrderNo: i.order.productOrderNo, status: 'skipped', error }));
    }
    const a = ctx.settings.alimtalk;
    const from = a.senderNumber || undefined;
    const begun: { item: (typeof items)[number]; recordId: string }[] = [];
    for (const item of items) {
      const begin = await beginSend(
        {
          store: item.order.store,
          orderNo: item.order.orderNo,
          productOrderNo: item.order.productOrderNo,
          recipientNickname: item.order.buyerName,
          buyerName: item.order.buyerName,
          productName: item.order.productName,
          templateId: item.template.id,
          templateName: item.template.name,
          requestId,
          channel: 'alimtalk',
          phoneMasked: item.rendered.phoneMasked,
        },
        { allowRepeat: item.allowRepeat },
      );
      if (!begin.ok) {
        results.push({
          productOrderNo: item.order.productOrderNo,
          status: 'skipped',
          recordId: begin.existing.id,
          error: {
            code: begin.reason,
            ko: begin.reason === 'in-flight' ? '이미 보내는 중이에요.' : '이미 보낸 알림이에요.',
            en: begin.reason === 'in-flight' ? 'Already being sent.' : 'This notification was already sent.',
          },
        });
        continue;
      }
      begun.push({ item, recordId: begin.record.id });
    }
    // Rounds with each number at most once (two orders of one buyer go in two groups).
    const rounds: (typeof begun)[] = [];
    for (const b of begun) {
      const round = rounds.find((r) => !r.some((x) => x.item.rendered.to === b.item.rendered.to));
      if (round) round.push(b);
      else rounds.push([b]);
    }
    for (const round of rounds) {
      const messages: AtaMessage[] = round.map((b) => ({
        to: b.item.rendered.to,
        ...(from && { from }),
        type: 'ATA',
        kakaoOptions: {
          pfId: a.channelId,
          templateId: ctx.settings.alimtalk.notices[b.item.template.id]!,
          variables: b.item.rendered.variables,
          disableSms: !(a.smsFallback && from),
        },
        customFields: { recordId: b.recordId },
      }));
      let outcomes: GroupOutcome[];
      let groupId: string | undefined;
      try {
        const r = await sendAsGroup(solapi, messages);
        outcomes = r.outcomes;
        groupId = r.groupId;
      } catch (error) {
        // sendAsGroup answers for every message; reaching here means our own step failed: it may have gone.
        const e = error instanceof SolapiError ? error : undefined;
        outcomes = round.map((b) => ({
          recordId: b.recordId,
          status: e?.processed === 'no' ? 'failed' : 'unknown',
          error: {
            code: e?.code ?? 'unknown-outcome',
            ko: e?.ko ?? '보냈는지 알 수 없어요.',
            en: e?.en ?? 'Unknown outcome.',
          },
        }));
      }
      for (const b of round) {
        const o = outcomes.find((x) => x.recordId === b.recordId) ?? {
          recordId: b.recordId,
          status: 'unknown' as const,
          error: { code: 'unknown-outcome', ko: '보냈는지 알 수 없어요.', en: 'Unknown outcome.' },
        };
        await completeSend(b.recordId, { status: o.status, ...(o.error && { error: o.error }) });
        await amendRecord(b.recordId, () => ({
          ...(groupId && { groupId }),
          ...(o.messageId && { messageId: o.messageId }),
          ...(o.status === 'sent' && {
            ...(price !== undefined && { cost: price }),
            delivery: deliveryOf(o.statusCode ?? '2000', false),
          }),
        }));
        results.push({
          productOrderNo: b.item.order.productOrderNo,
          status: o.status,
          recordId: b.recordId,
          channel: 'alimtalk',
          ...(o.error && { error: o.error }),
        });
      }
    }
    return results;
  }

  function deliveryOf(statusCode: string, replacement: boolean): Delivery {
    const c = classifyStatus(statusCode, replacement);
    const state: Delivery['state'] = c.smsFallback ? 'delivered' : c.outcome;
    const ko = c.smsFallback ? `알림톡 대신 문자로 보냄(${c.ko})` : c.ko;
    const en = c.smsFallback ? `Sent as SMS instead (${c.en})` : c.en;
    return { state, statusCode, smsFallback: c.smsFallback, ko, en, checkedAt: now() };
  }

  /**
   * Asks SOLAPI how each tracked AlimTalk ended: accepted ones move to delivered or failed (with the SMS fallback
   * marked and charged), unknown ones become sent or failed when SOLAPI knows the message. Returns how many are
   * still open, so the page can ask again later.
   */
  async function poll(settings: Settings): Promise<{ open: number; updated: number }> {
    // Sends whose answer was lost are settled first, from the journal (jobs of this worker's own sends are left).
    const settled = await recover();
    const tracked = await alimtalkToTrack();
    const groups = new Map<string, typeof tracked>();
    // Unknown outcomes are settled only by recover(), from the group's own status: a message listed in a group
    // that was never sent still reads "accepted", so its delivery report proves nothing.
    for (const r of tracked)
      if (r.groupId && r.status === 'sent') groups.set(r.groupId, [...(groups.get(r.groupId) ?? []), r]);
    let updated = 0;
    let open = tracked.filter((r) => !r.groupId || r.status !== 'sent').length;
    const view = await accountView(await context(settings)).catch(() => undefined);
    for (const [groupId, records] of groups) {
      let report: Awaited<ReturnType<typeof deliveryReport>>;
      try {
        report = await deliveryReport(solapi, groupId);
      } catch {
        open += records.length;
        continue;
      }
      for (const r of records) {
        const d = report.get(r.id);
        if (!d) {
          open++;
          continue;
        }
        const delivery = deliveryOf(d.statusCode, d.smsFallback);
        if (!d.final) open++;
        const next = await amendRecord(r.id, (cur) => {
          if (cur.status !== 'sent' || cur.delivery?.statusCode === delivery.statusCode) return undefined;
          const failed = delivery.state === 'failed';
          return {
            delivery,
            messageId: d.messageId ?? cur.messageId,
            // A final failure did not arrive.
            status: failed ? 'failed' : 'sent',
            ...(failed && { error: { code: `solapi-${d.statusCode}`, ko: delivery.ko, en: delivery.en } }),
            ...(view?.prices && {
              cost: (failed && !d.smsFallback ? 0 : view.prices.ata) + (d.smsFallback ? view.prices.sms : 0),
            }),
            completedAt: cur.completedAt ?? now(),
          };
        });
        if (next) updated++;
      }
    }
    return { open, updated: updated + settled };
  }

  /**
   * Group sends cut off mid-way (a killed worker, a lost answer) are settled from the journal by asking SOLAPI:
   * never re-sent. A record the history holds as unknown becomes sent or failed once SOLAPI can say.
   */
  async function recover(): Promise<number> {
    const outcomes = await recoverGroupJobs(solapi).catch(() => [] as GroupOutcome[]);
    let settled = 0;
    for (const o of outcomes) {
      await completeSend(o.recordId, { status: o.status, ...(o.error && { error: o.error }) });
      if (o.status === 'unknown') continue;
      const next = await amendRecord(o.recordId, (cur) =>
        cur.status === 'unknown' || (cur.status === o.status && !cur.delivery && o.status === 'sent')
          ? {
              status: o.status,
              error: o.error,
              ...(o.messageId && { messageId: o.messageId }),
              ...(o.status === 'sent' && { delivery: deliveryOf(o.statusCode ?? '2000', false) }),
              completedAt: cur.completedAt ?? now(),
            }
          : undefined,
      );
      if (next) settled++;
    }
    return settled;
  }

  return { context, forOrder, accountView, send, poll, recover };
}
export type AlimtalkChannel = ReturnType<typeof createAlimtalkChannel>;
