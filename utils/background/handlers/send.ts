import type { Handlers } from '@/utils/background/server';
import type { SendService } from '@/utils/background/sending/send-service';
import type { KakaoService } from '@/utils/background/kakao/service';
import { getSettings, updateSettings } from '@/utils/background/storage/settings-store';
import { markReviewStep } from '@/utils/background/storage/review-progress';
import { composeSessionOrders } from './compose';

/** The operator's own test message (Kakao's review asks to test before applying). */
async function testMessage() {
  const { store } = await getSettings();
  const url = store.url || 'https://smartstore.naver.com';
  return {
    object_type: 'text' as const,
    text: `[주문톡 테스트] ${store.name || '스토어'} 카카오톡 알림이 이렇게 도착해요.`,
    link: { web_url: url, mobile_web_url: url },
  };
}

/** send.*: sending a compose window's orders, following it, and the operator's test message to themself. */
export function createSendHandlers(sending: SendService, kakao: KakaoService): Handlers {
  return {
    'send.acknowledge': async () => {
      await updateSettings((s) => ({ ...s, sendAcknowledgedAt: s.sendAcknowledgedAt ?? Date.now() }));
      return { ok: true };
    },
    'send.orders': async ({
      sessionId,
      templateId,
      freeText,
      productOrderNos,
      confirmRepeatFor,
      previewed,
      channels,
      requestId,
    }) => {
      if (!(await getSettings()).sendAcknowledgedAt) {
        throw Object.assign(new Error('ack'), {
          code: 'not-acknowledged',
          ko: '처음 보내기 전에 안내에 동의해 주세요.',
          en: 'Acknowledge the sending notice before the first send.',
        });
      }
      const orders = (await composeSessionOrders(sessionId)).filter((o) => productOrderNos.includes(o.productOrderNo));
      return {
        results: await sending.send({
          sessionId,
          orders,
          templateId,
          freeText,
          confirmRepeatFor,
          previewed,
          channels,
          requestId,
        }),
      };
    },
    'send.cancel': async ({ sessionId }) => {
      sending.cancel(sessionId);
      return { ok: true };
    },
    'send.progress': async ({ sessionId, requestId }) => {
      const p = sending.progress(sessionId);
      if (!requestId || p.requestId === requestId) return { total: p.total, done: p.done, results: p.results };
      // This worker never ran that send (it restarted midway): what reached the history is what happened.
      const results = await sending.outcomesFromHistory(await composeSessionOrders(sessionId), requestId);
      return { total: results.length, done: results.length, results, interrupted: true };
    },
    'send.toMe': async () => {
      await kakao.sendToMe(await testMessage());
      await markReviewStep('sendToMeAt');
      return { ok: true };
    },
  };
}
