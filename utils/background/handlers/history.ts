import type { Handlers } from '@/utils/background/server';
import { historyCsv, listHistory } from '@/utils/background/storage/history';

/** history.*: the send history, listed and exported. */
export function createHistoryHandlers(): Handlers {
  return {
    'history.list': async (filter) => ({ records: await listHistory(filter) }),
    // The page lists the newest 5,000; the file has every record kept.
    'history.exportCsv': async () => ({ csv: historyCsv(await listHistory({ limit: Number.POSITIVE_INFINITY })) }),
  };
}
