import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startSolapiEmulator, loadScenario, type SolapiEmulator } from '../../solapi-emulator/client';
import { solapiEmulatorFetch } from '../solapi/emulator-fetch';
import { createSolapiService } from '@/utils/background/solapi/service';
import { createSolapiCredentials } from '@/utils/background/secrets/solapi-credentials';
import { createAlimtalkChannel } from '@/utils/background/sending/alimtalk-channel';
import { saveSyncedTemplates } from '@/utils/background/storage/alimtalk-templates';
import { getSettings, updateSettings } from '@/utils/background/storage/settings-store';
import { applySettingsPatch } from '@/utils/shared/settings-schema';
import { beginSend, completeSend, listHistory } from '@/utils/background/storage/history';
import { BUILT_IN_TEMPLATES } from '@/utils/shared/templates';
import type { Order } from '@/utils/shared/order';

// The AlimTalk channel of a send against the in-process SOLAPI emulator: what it records, what it charges,
// how deliveries and unknown outcomes are settled by asking SOLAPI, and that one notice never goes twice.
const PF = 'KA01PF26050100000000000000000001';
const TEMPLATE = 'KA01TP26050100000000000000000001';
const NON_USER = '01031043104';
const confirmed = BUILT_IN_TEMPLATES.find((t) => t.id === 'order-confirmed')!;

let emu: SolapiEmulator;
beforeAll(async () => {
  emu = await startSolapiEmulator({ scenario: loadScenario('basic') });
});
afterAll(() => emu.close());

const order = (n: number, phone: string): Order => ({
  store: 'smartstore',
  orderNo: `2026120100000${n}`,
  productOrderNo: `202612010000000${n}`,
  buyerName: `고객${n}`,
  buyerPhone: phone,
  productName: '머그컵',
});

async function setUp() {
  const credentials = createSolapiCredentials();
  await credentials.set({ apiKey: 'NCSTESTKEY00001A', apiSecret: 'TESTSECRETTESTSECRETTESTSECRET12' });
  const solapi = createSolapiService(() => credentials.get(), {
    fetch: solapiEmulatorFetch(emu),
    sleep: async () => undefined,
  });
  await updateSettings((s) =>
    applySettingsPatch(
      applySettingsPatch(s, {
        alimtalk: { enabled: true, channelId: PF, channelName: '@ordertalk', senderNumber: '0212345678' },
      }),
      { alimtalkNotice: { noticeId: 'order-confirmed', templateId: TEMPLATE } },
    ),
  );
  await saveSyncedTemplates({
    channelId: PF,
    syncedAt: 1,
    templates: [
      {
        templateId: TEMPLATE,
        name: '주문 접수 안내',
        content: '#{고객명}님, 주문(#{주문번호})이 접수되었습니다.',
        status: 'APPROVED',
        sendable: true,
        buttons: [],
      },
    ],
  });
  const channel = createAlimtalkChannel(solapi, credentials);
  const ctx = await channel.context(await getSettings());
  const items = (orders: Order[]) =>
    orders.map((o) => {
      const e = channel.forOrder(ctx, o, confirmed);
      if (!e.ok) throw new Error(e.reason.ko);
      return { order: o, template: confirmed, rendered: e.rendered, allowRepeat: false };
    });
  return { channel, ctx, items };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await emu.control.reset();
});

describe('the AlimTalk channel', () => {
  it('sends one group, records channel, masked number and cost, then follows delivery (SMS fallback charged)', async () => {
    const { channel, ctx, items } = await setUp();
    const results = await channel.send(
      items([order(1, '010-1111-2222'), order(2, NON_USER)]),
      crypto.randomUUID(),
      ctx,
    );
    expect(results.map((r) => [r.status, r.channel])).toEqual([
      ['sent', 'alimtalk'],
      ['sent', 'alimtalk'],
    ]);
    const messages = await emu.control.messages();
    expect(new Set(messages.map((m) => m.groupId)).size).toBe(1);
    let records = await listHistory();
    expect(records.map((r) => r.phoneMasked).sort()).toEqual(['010-****-2222', '010-****-3104']);
    expect(JSON.stringify(records)).not.toContain('01011112222');
    expect(records.every((r) => r.delivery?.state === 'accepted' && r.cost === 13)).toBe(true);
    await emu.control.advanceClock(10_000);
    expect((await channel.poll(await getSettings())).open).toBe(0);
    records = await listHistory();
    const byPhone = Object.fromEntries(records.map((r) => [r.phoneMasked, r]));
    expect(byPhone['010-****-2222']).toMatchObject({
      status: 'sent',
      cost: 13,
      delivery: { state: 'delivered', statusCode: '4000' },
    });
    expect(byPhone['010-****-3104']).toMatchObject({
      status: 'sent',
      cost: 33,
      delivery: { state: 'delivered', smsFallback: true, statusCode: '3104' },
    });
  });

  it('a balance too low sends nothing and names the amount missing', async () => {
    const { channel, ctx, items } = await setUp();
    await emu.control.setBalance(10);
    const results = await channel.send(
      items([order(1, '010-1111-2222'), order(3, '010-5555-6666')]),
      crypto.randomUUID(),
      ctx,
    );
    expect(results.map((r) => r.error?.code)).toEqual(['low-balance', 'low-balance']);
    expect(results[0]!.error!.ko).toContain('16원 모자라요');
    expect(await emu.control.messages()).toEqual([]);
    expect(await listHistory()).toEqual([]);
  });

  it('never sends a notice the friend channel already sent', async () => {
    const { channel, ctx, items } = await setUp();
    const o = order(1, '010-1111-2222');
    const begun = await beginSend(
      {
        store: o.store,
        orderNo: o.orderNo,
        productOrderNo: o.productOrderNo,
        recipientNickname: '고객1',
        templateId: confirmed.id,
        templateName: confirmed.name,
      },
      { allowRepeat: false },
    );
    if (!begun.ok) throw new Error('expected ok');
    await completeSend(begun.record.id, { status: 'sent' });
    const [r] = await channel.send(items([o]), crypto.randomUUID(), ctx);
    expect(r).toMatchObject({ status: 'skipped', error: { code: 'already-sent' } });
    expect(await emu.control.messages()).toEqual([]);
  });

  it('an unknown outcome (send and look-up both unanswered) is resolved later by asking SOLAPI', async () => {
    const { channel, ctx, items } = await setUp();
    await emu.control.fault({
      path: '/messages/v4/groups/:groupId/send',
      method: 'POST',
      kind: '5xx',
      afterProcessing: true,
    });
    await emu.control.fault({ path: '/messages/v4/groups/:groupId', method: 'GET', kind: '5xx' });
    await emu.control.fault({ path: '/messages/v4/groups/:groupId', method: 'GET', kind: '5xx' });
    await emu.control.fault({ path: '/messages/v4/groups/:groupId', method: 'GET', kind: '5xx' });
    const [r] = await channel.send(items([order(1, '010-1111-2222')]), crypto.randomUUID(), ctx);
    expect(r!.status).toBe('unknown');
    expect((await listHistory())[0]).toMatchObject({ status: 'unknown', groupId: expect.stringMatching(/^G4V/) });
    await emu.control.clearFaults();
    await channel.poll(await getSettings());
    expect((await listHistory())[0]!.status).toBe('sent');
    // Sent once: the look-up, not a second send, settled it.
    expect((await emu.control.messages()).filter((m) => m.sent).length).toBe(1);
    expect((await emu.control.requests())['POST /messages/v4/groups/:groupId/send']).toBe(1);
  });

  it('an unknown outcome whose group SOLAPI cannot yet describe stays unknown, then reads as not sent', async () => {
    const { channel, ctx, items } = await setUp();
    const group = { path: '/messages/v4/groups/:groupId', method: 'GET', kind: '5xx' as const };
    // The send is refused by a server error before processing, and the look-ups fail too.
    await emu.control.fault({ path: '/messages/v4/groups/:groupId/send', method: 'POST', kind: '5xx' });
    for (let i = 0; i < 6; i++) await emu.control.fault(group);
    const [r] = await channel.send(items([order(1, '010-1111-2222')]), crypto.randomUUID(), ctx);
    expect(r!.status).toBe('unknown');
    // The group's message list answers, but the group was never sent: that proves nothing.
    await channel.poll(await getSettings());
    expect((await listHistory())[0]!.status).toBe('unknown');
    await emu.control.clearFaults();
    await channel.poll(await getSettings());
    expect((await listHistory())[0]).toMatchObject({ status: 'failed', error: { code: 'interrupted' } });
    expect((await emu.control.messages()).filter((m) => m.sent)).toEqual([]);
  });
});
