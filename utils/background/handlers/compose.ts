import type { Handlers } from '@/utils/background/server';
import { deleteTemplate, listTemplates, saveTemplate } from '@/utils/background/storage/template-store';
import { renderTemplate } from '@/utils/background/sending/render';
import type { Order } from '@/utils/shared/order';
import { historyCsv, listHistory } from '@/utils/background/storage/history';
import { getSettings, updateSettings } from '@/utils/background/storage/settings-store';
import { getComposeSession } from '@/utils/background/compose-window';
import type { SendService } from '@/utils/background/sending/send-service';
import type { KakaoService } from '@/utils/background/kakao/service';
import { quotaToday } from '@/utils/background/kakao/background-kakao';

const SAMPLE_ORDER: Order = {
  store: 'smartstore',
  orderNo: '2026112490000001',
  productOrderNo: '2026112400000001',
  buyerName: '김민지',
  productName: '유기농 현미 5kg',
  courier: 'CJ대한통운',
  trackingNo: '612345678901',
};

async function sessionOrders(id: string) {
  const session = await getComposeSession(id);
  if (!session)
    throw Object.assign(new Error('no session'), {
      code: 'no-session',
      ko: '이 알림 창은 만료됐어요. 주문 화면에서 다시 열어 주세요.',
      en: 'This compose window expired; open it again from the order page.',
    });
  return session.orders;
}

export function createComposeHandlers(compose: SendService, kakao: KakaoService): Handlers {
  return {
    'order.status': async ({ orders }) => ({
      statuses: Object.entries(await compose.orderStatus(orders)).map(([productOrderNo, status]) => ({
        productOrderNo,
        ...status,
      })),
    }),
    'compose.session': async ({ sessionId }) => ({
      orders: await sessionOrders(sessionId),
      templates: (await listTemplates()).map((t) => ({ id: t.id, name: t.name, layout: t.layout, builtIn: t.builtIn })),
      acknowledged: !!(await getSettings()).sendAcknowledgedAt,
    }),
    'compose.prepare': async ({ sessionId, templateId, freeText }) => {
      const items = await compose.prepare(await sessionOrders(sessionId), templateId, freeText);
      return { items: items.map((p) => p.item), quota: await quotaToday(kakao) };
    },
    'link.suggest': async ({ order, query }) => ({ friends: await compose.suggest(order, query) }),
    'link.set': async ({ order, friendUuid }) => {
      await compose.link(order, friendUuid);
      return { ok: true };
    },
    'link.remove': async ({ order }) => {
      await compose.unlink(order);
      return { ok: true };
    },
    'send.acknowledge': async () => {
      await updateSettings((s) => ({ ...s, sendAcknowledgedAt: s.sendAcknowledgedAt ?? Date.now() }));
      return { ok: true };
    },
    'send.orders': async ({ sessionId, templateId, freeText, productOrderNos, confirmRepeat, requestId }) => {
      if (!(await getSettings()).sendAcknowledgedAt) {
        throw Object.assign(new Error('ack'), {
          code: 'not-acknowledged',
          ko: '처음 보내기 전에 안내에 동의해 주세요.',
          en: 'Acknowledge the sending notice before the first send.',
        });
      }
      const orders = (await sessionOrders(sessionId)).filter((o) => productOrderNos.includes(o.productOrderNo));
      return { results: await compose.send({ sessionId, orders, templateId, freeText, confirmRepeat, requestId }) };
    },
    'send.cancel': async ({ sessionId }) => {
      compose.cancel(sessionId);
      return { ok: true };
    },
    'send.progress': async ({ sessionId }) => {
      const p = compose.progress(sessionId);
      return { total: p.total, done: p.done, results: p.results };
    },
    'templates.list': async () => ({ templates: await listTemplates() }),
    'templates.save': async ({ template }) => {
      await saveTemplate(template);
      return { ok: true };
    },
    'templates.delete': async ({ id }) => {
      await deleteTemplate(id);
      return { ok: true };
    },
    /** The same rendering compose uses, on a sample order unless one is given. */
    'templates.preview': async ({ template, order }) => {
      const s = await getSettings();
      const r = renderTemplate(template, order ?? SAMPLE_ORDER, {
        storeName: s.store.name || '우리 스토어',
        storeUrl: s.store.url,
        linkDomains: s.store.linkDomains,
      });
      return { preview: r.preview, missingVariables: r.missingVariables, problems: r.problems };
    },
    'history.list': async (filter) => ({ records: await listHistory(filter) }),
    // The page lists the newest 5,000; the file has every record kept.
    'history.exportCsv': async () => ({ csv: historyCsv(await listHistory({ limit: Number.POSITIVE_INFINITY })) }),
  };
}
