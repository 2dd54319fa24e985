import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/pages/background-client';
import type { ComposeItem, Quota, SendResult } from '@/utils/shared/wire';
import type { Order } from '@/utils/shared/order';
import { KakaoPreview } from '@/components/preview/KakaoPreview';
import { errorMessage, pick } from '@/components/ui/localized';
import { statusText } from '@/components/ui/labels';
import { SendChecks } from './SendChecks';
import { FriendSearch } from './FriendSearch';
import '@/components/ui/ui.css';
import './compose.css';

interface Session {
  orders: Order[];
  templates: { id: string; name: string }[];
  acknowledged: boolean;
}

/** Only a person's click sends: synthetic events (isTrusted false) are ignored. */
export function isOperatorClick(event: Event): boolean {
  return event.isTrusted;
}

export function ComposeApp({ sessionId }: { sessionId: string }) {
  const [session, setSession] = useState<Session>();
  const [templateId, setTemplateId] = useState('order-confirmed');
  const [freeText, setFreeText] = useState('');
  const [items, setItems] = useState<ComposeItem[]>([]);
  const [quota, setQuota] = useState<Quota>();
  const [ack, setAck] = useState(false);
  // Orders the operator chose, one by one, to send again although this notice already (maybe) reached them.
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const [interrupted, setInterrupted] = useState(false);
  const [sending, setSending] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [results, setResults] = useState<SendResult[]>();
  const [linking, setLinking] = useState<string>();
  const [error, setError] = useState('');
  // One id per Send: a double click or a repeated message cannot send twice.
  const requestId = useRef(crypto.randomUUID());

  useEffect(() => {
    callBackground('compose.session', { sessionId }).then(setSession, (e) => setError(errorMessage(e)));
  }, [sessionId]);

  async function prepare() {
    try {
      const r = await callBackground('compose.prepare', {
        sessionId,
        templateId,
        freeText: templateId === 'free-text' ? freeText : undefined,
      });
      setItems(r.items);
      setQuota(r.quota);
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  useEffect(() => {
    if (!session) return;
    const t = setTimeout(prepare, templateId === 'free-text' ? 250 : 0);
    return () => clearTimeout(t);
  }, [session, templateId, freeText]);

  // Orders that already got this notice are left out unless confirmed on their own card.
  const sendable = items.filter((i) => i.canSend && (!i.needsReconfirm || confirmed.has(i.order.productOrderNo)));
  const leftOut = items.filter((i) => i.canSend && i.needsReconfirm && !confirmed.has(i.order.productOrderNo));
  const needsAck = !!session && !session.acknowledged;
  const canClick = !sending && !results && sendable.length > 0 && (!needsAck || ack);
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
        requestId: requestId.current,
      });
      setResults(r.results);
      setProgress({ done: total, total });
      // What is left today after these sends (the figure shown was taken before them).
      callBackground('quota.get', {}).then(setQuota, () => undefined);
    } catch (e) {
      if (await recover(chosen)) setProgress({ done: total, total });
      else setError(errorMessage(e));
    } finally {
      clearInterval(poll);
      setSending(false);
    }
  }

  async function again() {
    requestId.current = crypto.randomUUID();
    setResults(undefined);
    setConfirmed(new Set());
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
  const first = items[0];
  return (
    <main class="cp" data-testid="compose">
      <h1>{bulk ? i18n.t('compose.titleBulk', { count: session.orders.length }) : i18n.t('compose.title')}</h1>
      <p class="ot-muted" data-testid="sender-note">
        {i18n.t('compose.senderNote')}
      </p>

      <label class="ot-field">
        <span>{i18n.t('compose.template')}</span>
        <select
          data-testid="template-select"
          value={templateId}
          onChange={(e) => setTemplateId(e.currentTarget.value)}
          disabled={sending}
        >
          {session.templates.map((t) => (
            <option value={t.id} key={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      {templateId === 'free-text' && (
        <label class="ot-field">
          <span>{i18n.t('compose.freeText')}</span>
          <textarea
            data-testid="free-text"
            rows={4}
            value={freeText}
            onInput={(e) => setFreeText(e.currentTarget.value)}
          />
        </label>
      )}

      <div class="cp-layout">
        <section class="cp-orders">
          {items.map((item) => {
            const result = results?.find((r) => r.productOrderNo === item.order.productOrderNo);
            const o = item.order;
            return (
              <article class="ot-card" key={o.productOrderNo} data-order-no={o.productOrderNo}>
                <header class="ot-row">
                  <strong>{o.buyerName}</strong>
                  <span class="ot-muted">{o.productOrderNo}</span>
                </header>
                <div class="ot-muted">
                  {o.productName}
                  {o.productOptions ? ` · ${o.productOptions}` : ''}
                  {o.quantity ? ` × ${o.quantity}` : ''}
                </div>
                {o.trackingNo && (
                  <div class="ot-muted">
                    {o.courier} {o.trackingNo}
                  </div>
                )}
                <div class="cp-recipient">
                  {item.link ? (
                    <span>
                      {i18n.t('compose.linkedTo')} <strong data-testid="linked-friend">{item.link.nickname}</strong>{' '}
                      <button
                        class="ot-link"
                        onClick={async () => {
                          await callBackground('link.remove', { order: o });
                          await prepare();
                        }}
                      >
                        {i18n.t('compose.unlink')}
                      </button>
                    </span>
                  ) : item.linkBlocked ? (
                    <span class="ot-error">{pick(item.linkBlocked)}</span>
                  ) : (
                    (linking === o.productOrderNo || !bulk) && (
                      <FriendSearch
                        order={o}
                        onLinked={() => {
                          setLinking(undefined);
                          void prepare();
                        }}
                      />
                    )
                  )}
                  {bulk && !item.link && !item.linkBlocked && linking !== o.productOrderNo && (
                    <button class="ot-secondary" onClick={() => setLinking(o.productOrderNo)}>
                      {i18n.t('compose.link')}
                    </button>
                  )}
                </div>
                {bulk ? (
                  <details>
                    <summary class={item.canSend ? 'ot-ok' : 'ot-error'}>
                      {item.canSend ? i18n.t('compose.canSend') : i18n.t('compose.cannotSend')}
                    </summary>
                    <SendChecks checks={item.checks} onChanged={prepare} onLink={() => setLinking(o.productOrderNo)} />
                  </details>
                ) : (
                  <SendChecks
                    checks={item.checks}
                    onChanged={prepare}
                    onLink={() => document.querySelector<HTMLInputElement>('[data-testid="friend-search"]')?.focus()}
                  />
                )}
                {item.lastSent && !results && (
                  <p class="ot-muted" data-testid="last-sent">
                    {i18n.t('composeRepeat.lastSent', {
                      when: new Date(item.lastSent.at).toLocaleString(),
                      template: item.lastSent.templateName,
                      status: statusText(item.lastSent.status),
                    })}
                  </p>
                )}
                {item.canSend && item.needsReconfirm && !results && (
                  <label class="cp-ack">
                    <input
                      type="checkbox"
                      data-testid="confirm-repeat"
                      checked={confirmed.has(o.productOrderNo)}
                      disabled={sending}
                      onChange={(e) => toggleRepeat(o.productOrderNo, e.currentTarget.checked)}
                    />
                    {i18n.t('composeRepeat.again', { order: o.productOrderNo })}
                  </label>
                )}
                {result && (
                  <p
                    data-testid="send-result"
                    data-status={result.status}
                    class={result.status === 'sent' ? 'ot-ok' : 'ot-error'}
                    role="status"
                  >
                    {statusText(result.status)}
                    {result.error ? ` — ${pick(result.error)}` : ''}
                    {result.status === 'unknown' && <span class="ot-muted"> {i18n.t('compose.unknownExplain')}</span>}
                  </p>
                )}
              </article>
            );
          })}
        </section>
        <aside class="cp-side">
          {first?.preview && <KakaoPreview preview={first.preview} />}
          {bulk && <p class="ot-muted">{i18n.t('compose.previewFirst')}</p>}
          {quota && (
            <p class="ot-muted" data-testid="quota-today">
              {i18n.t('compose.quota', { left: quota.senderLeft })}
            </p>
          )}
        </aside>
      </div>

      {needsAck && (
        <label class="cp-ack">
          <input
            type="checkbox"
            data-testid="consent-ack"
            checked={ack}
            onChange={(e) => setAck(e.currentTarget.checked)}
          />
          {i18n.t('compose.ack')}
        </label>
      )}
      {leftOut.length > 0 && bulk && !results && (
        <p class="ot-muted" data-testid="left-out">
          {i18n.t('composeRepeat.leftOut', { count: leftOut.length })}
        </p>
      )}
      {progress && bulk && (
        <progress
          data-testid="bulk-progress"
          max={progress.total}
          value={progress.done}
          aria-valuenow={progress.done}
          aria-valuemax={progress.total}
        />
      )}
      <div class="ot-row">
        <span class="ot-muted">{i18n.t('compose.summary', { send: sendable.length, total: items.length })}</span>
        <span>
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
            <button class="ot-primary" data-testid="send" disabled={!canClick} onClick={send}>
              {sending ? i18n.t('compose.sending') : i18n.t('compose.send', { count: sendable.length })}
            </button>
          )}
        </span>
      </div>
      {interrupted && (
        <p class="ot-error" role="alert" data-testid="send-interrupted">
          {i18n.t('composeRepeat.interrupted')}
        </p>
      )}
      {results && bulk && (
        <section data-testid="bulk-report" class="ot-card" aria-live="polite">
          <h2>{i18n.t('compose.report')}</h2>
          <p>
            {(['sent', 'failed', 'unknown', 'skipped'] as const)
              .map(
                (s) =>
                  `${statusText(s)} ${results.filter((r) => r.status === s).length + (s === 'skipped' ? items.length - results.length : 0)}`,
              )
              .join(' · ')}
          </p>
        </section>
      )}
      {error && (
        <p class="ot-error" role="alert">
          {error}
        </p>
      )}
    </main>
  );
}
