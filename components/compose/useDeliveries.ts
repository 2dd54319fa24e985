import { useEffect, useState } from 'preact/hooks';
import { callBackground } from '@/utils/pages/background-client';
import type { HistoryRecord, SendResult } from '@/utils/shared/wire';

/** Seconds between delivery checks while the window stays open: soon after the send, then less often. */
export const DELIVERY_POLL_S = [2, 4, 8, 15, 30, 60, 120];

/**
 * After a send, how each AlimTalk ended as SOLAPI reports it: asks the background to poll (it asks SOLAPI) with a
 * growing delay while any is still open, and reads the records back. Friend messages have no later report.
 */
export function useDeliveries(results: SendResult[] | undefined): Map<string, HistoryRecord> {
  const [records, setRecords] = useState<Map<string, HistoryRecord>>(new Map());
  const ids = (results ?? [])
    .filter((r) => r.channel === 'alimtalk' && r.recordId && (r.status === 'sent' || r.status === 'unknown'))
    .map((r) => r.recordId!);
  const key = ids.join(',');
  useEffect(() => {
    if (!ids.length) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const round = async (n: number) => {
      const poll = await callBackground('alimtalk.poll', {}).catch(() => undefined);
      const { records: rows } = await callBackground('history.list', { ids }).catch(() => ({ records: [] }));
      if (stopped) return;
      setRecords(new Map(rows.map((r) => [r.id, r])));
      const open = rows.some((r) => r.status === 'unknown' || r.delivery?.state === 'accepted');
      if ((open || !poll) && n + 1 < DELIVERY_POLL_S.length * 3)
        timer = setTimeout(() => void round(n + 1), DELIVERY_POLL_S[Math.min(n, DELIVERY_POLL_S.length - 1)]! * 1000);
    };
    void round(0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [key]);
  return records;
}
