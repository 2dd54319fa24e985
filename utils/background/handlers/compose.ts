import type { Handlers } from '@/utils/background/server';
import { listTemplates } from '@/utils/background/storage/template-store';
import { getSettings } from '@/utils/background/storage/settings-store';
import { createComposeSession, getComposeSession, openComposeWindow } from '@/utils/background/compose-window';
import type { Order } from '@/utils/shared/order';
import type { SendService } from '@/utils/background/sending/send-service';
import type { KakaoService } from '@/utils/background/kakao/service';
import { quotaView } from '@/utils/background/kakao/background-kakao';

/** The orders a compose window was opened for; an expired window says so instead of sending nothing. */
export async function composeSessionOrders(id: string): Promise<Order[]> {
  const session = await getComposeSession(id);
  if (!session)
    throw Object.assign(new Error('no session'), {
      code: 'no-session',
      ko: '이 알림 창은 만료됐어요. 주문 화면에서 다시 열어 주세요.',
      en: 'This compose window expired; open it again from the order page.',
    });
  return session.orders;
}

/** compose.* (the compose window) and order.status (the badges on order rows). */
export function createComposeHandlers(sending: SendService, kakao: KakaoService): Handlers {
  return {
    'order.status': async ({ orders }) => ({
      statuses: Object.entries(await sending.orderStatus(orders)).map(([productOrderNo, status]) => ({
        productOrderNo,
        ...status,
      })),
    }),
    'compose.open': async ({ orders }) => {
      const id = await createComposeSession(orders);
      await openComposeWindow(id, orders.length);
      return { ok: true };
    },
    'compose.session': async ({ sessionId }) => ({
      orders: await composeSessionOrders(sessionId),
      templates: (await listTemplates()).map((t) => ({ id: t.id, name: t.name, layout: t.layout, builtIn: t.builtIn })),
      acknowledged: !!(await getSettings()).sendAcknowledgedAt,
    }),
    'compose.prepare': async ({ sessionId, templateId, freeText }) => {
      const items = await sending.prepare(await composeSessionOrders(sessionId), templateId, freeText);
      return { items: items.map((p) => p.item), quota: await quotaView(kakao) };
    },
  };
}
