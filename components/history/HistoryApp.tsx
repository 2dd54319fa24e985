import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/pages/background-client';
import type { HistoryRecord, SendStatus } from '@/utils/shared/wire';
import { errorMessage, pick } from '@/components/ui/localized';
import { statusText } from '@/components/ui/labels';
import '@/components/ui/ui.css';
import './history.css';
import { DELIVERY_POLL_S } from '@/components/compose/useDeliveries';

const STATUSES: SendStatus[] = ['sent', 'failed', 'unknown', 'pending', 'skipped'];
const COLUMNS = ['time', 'order', 'buyer', 'product', 'recipient', 'template', 'status'] as const;
const seoul = (ms: number) => new Date(ms).toLocaleString('ko-KR', { timeZone: 'Asia/Seoul' });

/** Every message OrderTalk sent or tried to send, newest first. */
export function HistoryApp() {
  const [records, setRecords] = useState<HistoryRecord[]>([]);
  const [status, setStatus] = useState<SendStatus | ''>('');
  const [query, setQuery] = useState('');
  const [error, setError] = useState('');
  const [retention, setRetention] = useState<number>();
  useEffect(() => {
    callBackground('settings.get', {}).then(
      (s) => setRetention(s.historyRetentionDays),
      () => undefined,
    );
  }, []);

  async function setRetentionDays(days: number) {
    try {
      const saved = await callBackground('settings.save', { patch: { historyRetentionDays: days } });
      setRetention(saved.historyRetentionDays);
      setRecords(
        (await callBackground('history.list', { status: status || undefined, query: query || undefined })).records,
      );
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const [polled, setPolled] = useState(0);
  useEffect(() => {
    const t = setTimeout(() => {
      callBackground('history.list', { status: status || undefined, query: query || undefined }).then(
        (r) => setRecords(r.records),
        (e) => setError(errorMessage(e)),
      );
    }, 150);
    return () => clearTimeout(t);
  }, [status, query, polled]);

  // While the page is open, AlimTalks still on their way are asked about, less often as time passes.
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const round = async (n: number) => {
      const r = await callBackground('alimtalk.poll', {}).catch(() => undefined);
      if (stopped || !r) return;
      if (r.updated) setPolled((x) => x + 1);
      if (r.open)
        timer = setTimeout(() => void round(n + 1), DELIVERY_POLL_S[Math.min(n, DELIVERY_POLL_S.length - 1)]! * 1000);
    };
    void round(0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  async function exportCsv() {
    const { csv } = await callBackground('history.exportCsv', {});
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    a.download = `ordertalk-history-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}.csv`;
    a.click();
    URL.revokeObjectURL(a.href);
  }

  return (
    <main style={{ maxWidth: '1000px', margin: '0 auto', padding: '20px' }} data-testid="history">
      <h1>{i18n.t('history.title')}</h1>
      <div class="ot-row hs-filters">
        <div class="hs-field">
          <label for="hs-status">{i18n.t('history.status')}</label>
          <select
            id="hs-status"
            data-testid="history-status"
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as SendStatus | '')}
          >
            <option value="">{i18n.t('history.all')}</option>
            {STATUSES.map((s) => (
              <option value={s} key={s}>
                {statusText(s)}
              </option>
            ))}
          </select>
        </div>
        <div class="hs-field hs-search">
          <label for="hs-search">{i18n.t('history.search')}</label>
          <input
            id="hs-search"
            type="search"
            data-testid="history-search"
            placeholder={i18n.t('history.searchPlaceholder')}
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </div>
        <button class="ot-secondary" data-testid="history-export" onClick={exportCsv}>
          {i18n.t('history.export')}
        </button>
      </div>
      <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: '12px' }}>
        <thead>
          <tr>
            {COLUMNS.map((k) => (
              <th key={k} style={{ textAlign: 'left' }}>
                {i18n.t(`history.col.${k}` as 'history.col.time')}
              </th>
            ))}
            <th style={{ textAlign: 'left' }}>{i18n.t('alimtalk.historyChannel')}</th>
            <th style={{ textAlign: 'right' }}>{i18n.t('alimtalk.historyCost')}</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.id} data-status={r.status} style={{ borderTop: '1px solid var(--ot-border)' }}>
              <td>{seoul(r.createdAt)}</td>
              <td>{r.productOrderNo}</td>
              <td data-column="buyer">{r.buyerName ?? '–'}</td>
              <td data-column="product">{r.productName ?? '–'}</td>
              <td>{r.recipientNickname}</td>
              <td>{r.templateName}</td>
              <td>
                {statusText(r.status)}
                {r.error ? ` — ${pick(r.error)} (${r.error.code})` : ''}
                {r.delivery && r.status === 'sent' && (
                  <span class="ot-muted" data-column="delivery" data-delivery={r.delivery.state}>
                    {' '}
                    · {pick(r.delivery)}
                  </span>
                )}
              </td>
              <td data-column="channel" data-channel={r.channel ?? 'friend'}>
                {r.channel === 'alimtalk' ? i18n.t('composeAlimtalk.channelAlimtalk') : i18n.t('compose.channel')}
                {r.phoneMasked ? ` · ${r.phoneMasked}` : ''}
              </td>
              <td data-column="cost" style={{ textAlign: 'right' }}>
                {r.cost !== undefined ? i18n.t('composeAlimtalk.costOne', { cost: r.cost }) : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {records.length === 0 && <p class="ot-muted">{i18n.t('history.empty')}</p>}
      <div class="hs-field ot-muted">
        <label for="hs-retention">{i18n.t('history.retention')}</label>
        <select
          id="hs-retention"
          data-testid="history-retention"
          value={String(retention ?? '')}
          onChange={(e) => void setRetentionDays(Number(e.currentTarget.value))}
        >
          {[30, 90, 180, 365, 730].map((d) => (
            <option key={d} value={d}>
              {i18n.t('history.days', { days: d })}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p class="ot-error" role="alert">
          {error}
        </p>
      )}
    </main>
  );
}
