import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { fetchOrderStatuses, openCompose } from '@/utils/content/background-client';
import type { BuiltInAdminId } from '@/utils/shared/store-admins';
import { watchAdminSwitch } from '@/utils/content/stores/admin-switch';
import type { AdminLocator, Locator, PageData } from '@/utils/content/stores/types';
import { ROW_STATUS_CHANGED } from '@/utils/shared/row-status';
import { mountRows } from './mount-rows';
import { rowProblemText } from '@/utils/shared/row-problem-text';

// Plain chrome.i18n here, not @wxt-dev/i18n: these few keys need none of its features, and every byte of a
// content script loads on each admin page (the messages themselves come from locales/*.yml all the same).
type RowKey =
  'row_notify' | 'row_bulk' | 'row_linked' | 'row_needsLink' | 'row_unreachable' | 'row_sent' | 'row_unknown';
const t = (key: RowKey): string => (browser.i18n.getMessage as (name: string) => string)(key);

const StatusChanged = z.object({ type: z.literal(ROW_STATUS_CHANGED) });

/** Shared wiring of every store's content script: texts, background calls, teardown when `signal` aborts. */
export function startRowUi(signal: AbortSignal, locator: Locator, extra?: PageData) {
  const ui = mountRows({
    doc: document,
    url: () => new URL(location.href),
    locator,
    extra,
    signal,
    texts: {
      notify: t('row_notify'),
      bulk: (n) => t('row_bulk').replace('{count}', String(n)),
      status: {
        linked: t('row_linked'),
        'needs-link': t('row_needsLink'),
        unreachable: t('row_unreachable'),
        sent: t('row_sent'),
        unknown: t('row_unknown'),
      },
    },
    problemText: (p) => rowProblemText(p, browser.i18n.getMessage as (name: string) => string),
    openCompose: (orders) => void openCompose(orders).catch(() => undefined),
    fetchStatuses: fetchOrderStatuses,
  });
  // Only the extension can send to a content script: the message is a bare tag, the badges are asked anew.
  const onMessage = (message: unknown) => {
    if (StatusChanged.safeParse(message).success) ui.refreshStatuses();
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
  return ui;
}

/**
 * A built-in admin's rows, while the operator has that admin switched on in the options: the buttons go when
 * they switch it off and come back when they switch it on. `scan` looks at the rows again (when on).
 */
export function startAdminRowUi(
  signal: AbortSignal,
  admin: AdminLocator<BuiltInAdminId>,
  extra?: PageData,
): { scan(): void } {
  let stop: AbortController | undefined;
  let ui: { scan(): void } | undefined;
  watchAdminSwitch(admin.id, signal, (on) => {
    if (on && !stop) ui = startRowUi((stop = new AbortController()).signal, admin.locator, extra);
    else if (!on && stop) stop = void stop.abort();
  });
  return { scan: () => stop && ui!.scan() };
}
