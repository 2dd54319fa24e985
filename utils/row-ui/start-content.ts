import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { fetchOrderStatuses, openCompose } from '@/utils/messaging/content-client';
import type { Order } from '@/utils/orders/order';
import type { Locator } from '@/utils/stores/types';
import { mountRows } from './mount-rows';


/** Shared wiring of every store's content script: texts, background calls, teardown with ctx. */
export function startRowUi(ctx: ContentScriptContext, locator: Locator, extra?: Map<string, Partial<Order>>) {
  const korean = browser.i18n.getUILanguage().toLowerCase().startsWith('ko');
  return mountRows({
    doc: document,
    url: () => new URL(location.href),
    locator,
    extra,
    signal: ctx.signal,
    texts: {
      notify: i18n.t('row.notify'),
      bulk: (n) => i18n.t('row.bulk', { count: n }),
      status: {
        linked: i18n.t('row.linked'),
        'needs-link': i18n.t('row.needsLink'),
        unreachable: i18n.t('row.unreachable'),
        sent: i18n.t('row.sent'),
        unknown: i18n.t('row.unknown'),
      },
    },
    problemText: (p) => (korean ? p.ko : p.en),
    openCompose: (orders) => void openCompose(orders).catch(() => undefined),
    fetchStatuses: fetchOrderStatuses,
  });
}
