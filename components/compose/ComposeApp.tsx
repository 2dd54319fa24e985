import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/pages/background-client';
import type { Quota, SendResult } from '@/utils/shared/wire';
import type { Order } from '@/utils/shared/order';
import { areaKey, KAKAO_PROFILE, SETTINGS, TEMPLATES } from '@/utils/shared/storage-keys';
import { KakaoPreview } from '@/components/preview/KakaoPreview';
import { AlimtalkPreview } from '@/components/preview/AlimtalkPreview';
import { useDeliveries } from './useDeliveries';
import { errorMessage, pick } from '@/components/ui/localized';
import { statusText } from '@/components/ui/labels';
import { OrderCard, STATE_LABEL } from './OrderCard';
import { ComposeBanner } from './ComposeBanner';
import { useActivation } from './useActivation';
import {
  alimtalkCost,
  canSendBy,
  countStates,
  effectiveChannel,
  ORDER_STATES,
  orderState,
  previewKey,
  renderedKeyBy,
  windowBlock,
  type Channel,
  type OrderState,
  type Prepared,
} from './model';
import '@/components/ui/ui.css';
import './compose.css';

interface Session {
  orders: Order[];
  templates: { id: string; name: string }[];
  acknowledged: boolean;
}

const won = (n: number) => `${n.toLocaleString('ko-KR')}${i18n.t('alimtalk.won')}`;

/** Only a person's click sends: synthetic events (isTrusted false) are ignored. */
export function isOperatorClick(event: Event): boolean {
  return event.isTrusted;
}

/** Stored values the preview is made from: when one changes while the window is open, the preview is made again. */
const WATCHED = [areaKey(SETTINGS.key), areaKey(TEMPLATES.key), areaKey(KAKAO_PROFILE.key)];

const samePreviews = (a: Prepared | undefined, b: Prepared) =>
  !!a && a.items.map(previewKey).join('\n') === b.items.map(previewKey).join('\n');

export function ComposeApp({ sessionId }: { sessionId: string }) {
  const [session, setSession] = useState<Session>();
  const [templateId, setTemplateId] = useState('order-confirmed');
  const [freeText, setFreeText] = useState('');
  const [prepared, setPrepared] = useState<Prepared>();
  const [quota, setQuota] = useState<Quota>();
  const [ack, setAck] = useState(false);
  // Orders the operator chose, one by one, to send again although this notice already (maybe) reached them.
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const [interrupted, setInterrupted] = useState(false);
  const [sending, setSending] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [results, setResults] = useState<SendResult[]>();
  const [filter, setFilter] = useState<OrderState>();
  // The operator's channel per order, where they switched it on its card.
  const [picks, setPicks] = useState<Record<string, 'friend' | 'alimtalk'>>({});
  const [changed, setChanged] = useState(false);
  const [error, setError] = useState('');
  const active = useActivation();
  // One id per Send: a double click or a repeated message cannot send twice.
  const requestId = useRef(crypto.randomUUID());
  const shown = useRef<Prepared | undefined>(undefined);
  const inputs = useRef({ templateId, freeText });
  inputs.current = { templateId, freeText };

  const loadSession = () =>
    callBackground('compose.session', { sessionId }).then(setSession, (e) => setError(errorMessage(e)));
  useEffect(() => {
    void loadSession();
  }, [sessionId]);

  async function fetchPrepared(): Promise<Prepared> {
    const { templateId: t, freeText: f } = inputs.current;
    return callBackground('compose.prepare', { sessionId, templateId: t, freeText: t === 'free-text' ? f : undefined });
  }
  function show(r: Prepared) {
    shown.current = r;
    setPrepared(r);
    setQuota(r.quota);
  }
  /** Prepares again; `notice` says so when what the customer would get changed (settings, template, profile). */
  async function prepare(opts: { notice?: boolean } = {}) {
    try {
      const r = await fetchPrepared();
      if (opts.notice && shown.current && !samePreviews(shown.current, r)) setChanged(true);
      show(r);
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  useEffect(() => {
    if (!session) return;
    setChanged(false);
    const t = setTimeout(() => void prepare(), templateId === 'free-text' ? 250 : 0);
    return () => clearTimeout(t);
  }, [session, templateId, freeText]);

  // The preview follows the settings and templates live, and the window checks again when it gets focus back
  // (another window may have sent this order meanwhile).
  useEffect(() => {
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'local' || !WATCHED.some((k) => k in changes)) return;
      if (areaKey(TEMPLATES.key) in changes) void loadSession();
      void prepare({ notice: true });
    };
    const onFocus = () => void prepare({ notice: true });
    browser.storage.onChanged.addListener(onChanged);
    window.addEventListener('focus', onFocus);
    return () => {
      browser.storage.onChanged.removeListener(onChanged);
      window.removeEventListener('focus', onFocus);
    };
  }, [sessionId]);

  const items = prepared?.items ?? [];
  const block = prepared ? windowBlock(prepared) : undefined;
  const resultOf = (no: string) => results?.find((r) => r.productOrderNo === no);
  const channelOf = (i: (typeof items)[number]): Channel => effectiveChannel(i, picks[i.order.productOrderNo]);
  const canSendNow = (i: (typeof items)[number]) => canSendBy(i, channelOf(i));
  const stateOf = (i: (typeof items)[number]) => {
    const channel = channelOf(i);
    const s = orderState(i, {
      result: resultOf(i.order.productOrderNo),
      repeatChosen: confirmed.has(i.order.productOrderNo),
      channel,
    });
    // A window banner (not signed in, …) stops friend messages only; AlimTalk goes without Kakao sign-in.
    return block && s === 'needs-link' ? 'blocked' : s;
  };
  // Orders that already got this notice are left out unless confirmed on their own card.
  const sendable = items.filter((i) => canSendNow(i) && (!i.needsReconfirm || confirmed.has(i.order.productOrderNo)));
  const leftOut = items.filter((i) => canSendNow(i) && i.needsReconfirm && !confirmed.has(i.order.productOrderNo));
  const byAlimtalk = sendable.filter((i) => channelOf(i) === 'alimtalk');
  const cost = alimtalkCost(byAlimtalk.length, prepared?.alimtalk);
  const needsAck = !!session && !session.acknowledged;
  const canClick = active && !sending && !results && sendable.length > 0 && (!needsAck || ack) && cost.missing === 0;
  const deliveries = useDeliveries(results);
  const toggleRepeat = (no: string, on: boolean) =>
    setConfirmed((prev) => {
      const next = new Set(prev);
      if (on) next.add(no);
      else next.delete(no);
      return next;
    });

  /**
   * send.orders failed without results (the worker restarted midway, or the reply was lost): ask how far
   * the send got, from the history when its progress is gone, so each order says whether it may have arrived.
   */
  async function recover(sent: string[]): Promise<boolean> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const p = await callBackground('send.progress', { sessionId, requestId: requestId.current }).catch(
        () => undefined,
      );
      if (p && (p.interrupted || (p.total > 0 && p.done >= p.total))) {
        setResults(p.results.filter((r) => sent.includes(r.productOrderNo)));
        setInterrupted(!!p.interrupted);
        return true;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    return false;
  }

  async function send(event: Event) {
    if (!isOperatorClick(event) || !canClick) return;
    setSending(true);
    setError('');
    // What is sent is what was previewed: if the settings or template changed since, show the new preview
    // and ask for another click instead of sending something the operator has not seen.
    try {
      const fresh = await fetchPrepared();
      if (!samePreviews(shown.current, fresh)) {
        show(fresh);
        setChanged(true);
        setSending(false);
        return;
      }
    } catch (e) {
      setError(errorMessage(e));
      setSending(false);
      return;
    }
    setChanged(false);
    const total = sendable.length;
    const chosen = sendable.map((i) => i.order.productOrderNo);
    setProgress({ done: 0, total });
    const poll = setInterval(() => {
      callBackground('send.progress', { sessionId }).then(
        (p) => setProgress({ done: p.done, total }),
        () => undefined,
      );
    }, 300);
    try {
      if (needsAck) {
        await callBackground('send.acknowledge', {});
        setSession({ ...session!, acknowledged: true });
      }
      const r = await callBackground('send.orders', {
        sessionId,
        templateId,
        freeText: templateId === 'free-text' ? freeText : undefined,
        productOrderNos: chosen,
        confirmRepeatFor: chosen.filter((no) => confirmed.has(no)),
        // What each preview showed: the background refuses an order whose message changed since.
        previewed: Object.fromEntries(
          (shown.current?.items ?? items).flatMap((i) => {
            const key = renderedKeyBy(i, channelOf(i));
            return key ? [[i.order.productOrderNo, key] as const] : [];
          }),
        ),
        // The channel each card showed: the background never moves an order to another channel unseen.
        channels: Object.fromEntries(
          sendable.flatMap((i) => {
            const c = channelOf(i);
            return c === 'none' ? [] : [[i.order.productOrderNo, c] as const];
          }),
        ),
        requestId: requestId.current,
      });
      setResults(r.results);
      setProgress({ done: total, total });
    } catch (e) {
      if (await recover(chosen)) setProgress({ done: total, total });
      else setError(errorMessage(e));
    } finally {
      clearInterval(poll);
      setSending(false);
      // The checks and today's figures after these sends, so the card, its checks and the quota agree.
      void prepare();
    }
  }

  async function again() {
    requestId.current = crypto.randomUUID();
    setResults(undefined);
    setProgress(undefined);
    setConfirmed(new Set());
    setPicks({});
    setInterrupted(false);
    await prepare();
  }

  if (!session)
    return (
      <main class="cp">
        {error ? (
          <p class="ot-error" role="alert">
            {error}
          </p>
        ) : (
          <p>{i18n.t('common.loading')}</p>
        )}
      </main>
    );
  const bulk = session.orders.length > 1;
  const states = items.map(stateOf);
  const counts = countStates(states);
  const previewItem =
    items.find((i, n) => states[n] === 'ready' && channelOf(i) === 'friend') ??
    (items.some((i) => channelOf(i) === 'alimtalk') ? undefined : items[0]);
  const alimtalkItem = items.find((i, n) => states[n] === 'ready' && channelOf(i) === 'alimtalk' && i.alimtalk);
  const store = prepared?.store ?? { name: '', url: '' };
  const sameCustomer = (friendUuid?: string) =>
    friendUuid ? items.filter((i) => i.link?.friendUuid === friendUuid).length : 1;
  const card = (item: (typeof items)[number], n: number, report = false) => (
    <OrderCard
      key={item.order.productOrderNo}
      item={item}
      state={states[n]!}
      bulk={bulk}
      block={block}
      result={resultOf(item.order.productOrderNo)}
      report={report}
      repeatChosen={confirmed.has(item.order.productOrderNo)}
      onRepeat={(on) => toggleRepeat(item.order.productOrderNo, on)}
      sending={sending}
      store={store}
      sameCustomer={sameCustomer(item.link?.friendUuid)}
      onChanged={() => void prepare()}
      channel={channelOf(item)}
      onChannel={(c) => setPicks((prev) => ({ ...prev, [item.order.productOrderNo]: c }))}
      alimtalkPrice={prepared?.alimtalk?.prices?.ata}
      delivery={deliveries.get(resultOf(item.order.productOrderNo)?.recordId ?? '')}
    />
  );

  const templatePicker = (
    <div class="cp-template">
      <div class="ot-field">
        <label for="cp-template">{i18n.t('compose.template')}</label>
        <select
          id="cp-template"
          data-testid="template-select"
          value={templateId}
          onChange={(e) => setTemplateId(e.currentTarget.value)}
          disabled={sending || !!results}
        >
          {session.templates.map((t) => (
            <option value={t.id} key={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      {templateId === 'free-text' && (
        <div class="ot-field">
          <label for="cp-free-text">{i18n.t('compose.freeText')}</label>
          <textarea
            id="cp-free-text"
            data-testid="free-text"
            rows={3}
            value={freeText}
            onInput={(e) => setFreeText(e.currentTarget.value)}
          />
        </div>
      )}
    </div>
  );

  const preview = (
    <div class="cp-preview">
      {bulk && previewItem && (
        <p class="ot-muted cp-preview-of">{i18n.t('compose.previewOf', { buyer: previewItem.order.buyerName })}</p>
      )}
      {previewItem?.preview && <KakaoPreview preview={previewItem.preview} sender={prepared?.sender ?? null} />}
      {alimtalkItem?.alimtalk && (
        <>
          {bulk && (
            <p class="ot-muted cp-preview-of">{i18n.t('compose.previewOf', { buyer: alimtalkItem.order.buyerName })}</p>
          )}
          <AlimtalkPreview preview={alimtalkItem.alimtalk} />
        </>
      )}
      {bulk && <p class="ot-muted cp-small">{i18n.t('compose.previewFirst')}</p>}
      <p class="ot-muted cp-small" data-testid="sender-note">
        {i18n.t('compose.senderNote')}
      </p>
    </div>
  );

  const reportCounts = results && {
    sent: results.filter((r) => r.status === 'sent').length,
    failed: results.filter((r) => r.status === 'failed').length,
    unknown: results.filter((r) => r.status === 'unknown' || r.status === 'pending').length,
    skipped: results.filter((r) => r.status === 'skipped').length + items.length - results.length,
  };

  const alimtalkResults = (results ?? []).filter((r) => r.channel === 'alimtalk' && r.status !== 'skipped');
  const reportAlimtalk = alimtalkResults.length
    ? (() => {
        const recs = alimtalkResults.map((r) => deliveries.get(r.recordId ?? ''));
        return {
          count: alimtalkResults.length,
          delivered: recs.filter((d) => d?.delivery?.state === 'delivered' && !d.delivery.smsFallback).length,
          sms: recs.filter((d) => d?.delivery?.smsFallback).length,
          failed: recs.filter((d) => d?.delivery?.state === 'failed' || d?.status === 'failed').length,
          cost: recs.reduce((sum, d) => sum + (d?.cost ?? 0), 0),
        };
      })()
    : undefined;

  const list = items.map((item, n) => (!filter || states[n] === filter ? card(item, n) : null));

  return (
    <main class={bulk ? 'cp cp-bulk' : 'cp cp-one'} data-testid="compose">
      <header class="cp-head">
        <h1>{bulk ? i18n.t('compose.titleBulk', { count: session.orders.length }) : i18n.t('compose.title')}</h1>
        {bulk && templatePicker}
      </header>
      {block && <ComposeBanner reason={block} onFixed={() => void prepare()} />}
      {bulk && !results && !sending && (
        <nav class="cp-summary" data-testid="compose-summary" aria-label={i18n.t('compose.filterLabel')}>
          {ORDER_STATES.filter((s) => s !== 'unknown' || counts.unknown > 0).map((s, n) => (
            <>
              {n > 0 && <span aria-hidden="true"> · </span>}
              <button
                type="button"
                key={s}
                data-filter={s}
                aria-pressed={filter === s}
                class={`cp-filter cp-state-label-${s}`}
                onClick={() => setFilter(filter === s ? undefined : s)}
              >
                {STATE_LABEL[s]()} <strong>{counts[s]}</strong>
              </button>
            </>
          ))}
        </nav>
      )}
      {prepared?.alimtalk?.enabled && !results && (
        <p class="cp-channels" data-testid="channel-summary">
          {i18n.t('composeAlimtalk.channelCounts', {
            friend: sendable.length - byAlimtalk.length,
            alimtalk: byAlimtalk.length,
            none: items.filter((i) => channelOf(i) === 'none').length,
          })}{' '}
          <span data-testid="cost" class={cost.missing ? 'ot-error' : 'ot-muted'}>
            {cost.total === undefined
              ? prepared.alimtalk.problem
                ? pick(prepared.alimtalk.problem)
                : ''
              : cost.missing
                ? i18n.t('composeAlimtalk.costLow', {
                    total: won(cost.total),
                    balance: won(cost.balance ?? 0),
                    missing: won(cost.missing),
                  })
                : i18n.t('composeAlimtalk.cost', {
                    count: cost.count,
                    price: won(cost.price ?? 0),
                    total: won(cost.total),
                    balance: won(cost.balance ?? 0),
                  })}
          </span>
        </p>
      )}
      {changed && (
        <p class="cp-changed" role="alert" data-testid="preview-changed">
          {i18n.t('compose.previewChanged')}
        </p>
      )}

      <div class="cp-main">
        {bulk ? (
          sending || results ? (
            <section class="cp-report" data-testid={results ? 'bulk-report' : 'bulk-sending'} aria-live="polite">
              <h2>{results ? i18n.t('compose.report') : i18n.t('compose.sending')}</h2>
              {progress && (
                <>
                  <progress
                    data-testid="bulk-progress"
                    max={progress.total}
                    value={progress.done}
                    aria-valuenow={progress.done}
                    aria-valuemax={progress.total}
                  />
                  <p class="ot-muted">{i18n.t('compose.progress', progress)}</p>
                </>
              )}
              {reportCounts && <p data-testid="report-line">{i18n.t('compose.reportLine', reportCounts)}</p>}
              {reportAlimtalk && (
                <p data-testid="report-cost">
                  {i18n.t('composeAlimtalk.reportCost', {
                    count: reportAlimtalk.count,
                    delivered: reportAlimtalk.delivered,
                    sms: reportAlimtalk.sms,
                    failed: reportAlimtalk.failed,
                    cost: won(reportAlimtalk.cost),
                  })}
                </p>
              )}
              {interrupted && (
                <p class="ot-error" role="alert" data-testid="send-interrupted">
                  {i18n.t('composeRepeat.interrupted')}
                </p>
              )}
              {results && <div class="cp-list">{items.map((item, n) => card(item, n, true))}</div>}
            </section>
          ) : (
            <div class="cp-layout">
              <section class="cp-list">{list}</section>
              <aside class="cp-side">{preview}</aside>
            </div>
          )
        ) : (
          <>
            {list}
            {interrupted && (
              <p class="ot-error" role="alert" data-testid="send-interrupted">
                {i18n.t('composeRepeat.interrupted')}
              </p>
            )}
            {templatePicker}
            {preview}
          </>
        )}
      </div>

      <footer class="cp-bar" data-testid="send-bar">
        {needsAck && !results && (
          <label class="cp-ack">
            <input
              type="checkbox"
              data-testid="consent-ack"
              checked={ack}
              onChange={(e) => setAck(e.currentTarget.checked)}
            />
            <span>{i18n.t('compose.ack')}</span>
          </label>
        )}
        {leftOut.length > 0 && bulk && !results && (
          <p class="ot-muted cp-small" data-testid="left-out">
            {i18n.t('composeRepeat.leftOut', { count: leftOut.length })}
          </p>
        )}
        <div class="cp-bar-row">
          <span class="cp-bar-info">
            {quota && (
              <span class="ot-muted" data-testid="quota-today">
                {i18n.t('compose.quota', { left: quota.senderLeft })}
              </span>
            )}
            {bulk && !results && (
              <span class="ot-muted"> {i18n.t('compose.summary', { send: sendable.length, total: items.length })}</span>
            )}
            {!bulk && results?.[0] && <span class="ot-muted"> {statusText(results[0].status)}</span>}
          </span>
          <span class="cp-bar-actions">
            {sending && bulk && (
              <button class="ot-secondary" onClick={() => callBackground('send.cancel', { sessionId })}>
                {i18n.t('compose.cancel')}
              </button>
            )}
            {results ? (
              <button class="ot-secondary" onClick={again}>
                {i18n.t('compose.again')}
              </button>
            ) : (
              <button
                class="ot-primary"
                data-testid="send"
                data-active={String(active)}
                disabled={!canClick}
                onClick={send}
              >
                {sending ? i18n.t('compose.sending') : i18n.t('compose.send', { count: sendable.length })}
              </button>
            )}
          </span>
        </div>
        {error && (
          <p class="ot-error" role="alert">
            {error}
          </p>
        )}
      </footer>
    </main>
  );
}
