import type { Handlers } from '@/utils/background/server';
import { historyCsv, listHistory } from '@/utils/background/storage/history';
import type { HistoryRecord } from '@/utils/shared/wire';

/** The page lists this many of the newest matches; a search looks through every record kept. */
const PAGE_LIMIT = 5000;

/** Whether a record matches the search: order numbers, buyer, product, recipient or template, any case. */
export function matchesQuery(r: HistoryRecord, query: string): boolean {
  const q = query.trim().toLowerCase().normalize('NFC');
  if (!q) return true;
  return [r.orderNo, r.productOrderNo, r.buyerName, r.productName, r.recipientNickname, r.templateName].some((v) =>
    v?.toLowerCase().normalize('NFC').includes(q),
  );
}

/** history.*: the send history, listed and exported. */
export function createHistoryHandlers(): Handlers {
  return {
    'history.list': async ({ status, query, limit, ids }) => {
      if (ids) return { records: await listHistory({ ids }) };
      const max = limit ?? PAGE_LIMIT;
      if (!query?.trim()) return { records: await listHistory({ status, limit: max }) };
      // Searched here rather than in storage so buyer and product names count too.
      const all = await listHistory({ status, limit: Number.POSITIVE_INFINITY });
      return { records: all.filter((r) => matchesQuery(r, query)).slice(0, max) };
    },
    // The page lists the newest 5,000; the file has every record kept.
    'history.exportCsv': async () => ({ csv: historyCsv(await listHistory({ limit: Number.POSITIVE_INFINITY })) }),
  };
}
