import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startSolapiEmulator, type SolapiEmulator } from '../../solapi-emulator/client';
import { createSolapiService, type AtaMessage, type SolapiCredentials } from '@/utils/background/solapi/service';
import { sendAsGroup } from '@/utils/background/solapi/group-send';
import { deliveryReport, nextPollDelay } from '@/utils/background/solapi/delivery';
import { solapiEmulatorFetch } from './emulator-fetch';

const KEY: SolapiCredentials = { apiKey: 'NCSTESTKEY00001A', apiSecret: 'TESTSECRETTESTSECRETTESTSECRET12' };
const PF = 'KA01PF26050100000000000000000001';
const TEMPLATE = 'KA01TP26050100000000000000000001';

let emu: SolapiEmulator;
beforeAll(async () => {
  emu = await startSolapiEmulator({ scenario: 'basic' });
});
afterAll(() => emu.close());
beforeEach(async () => {
  fakeBrowser.reset();
  await emu.control.reset();
  await emu.control.freezeClock();
});

const service = () =>
  createSolapiService(async () => KEY, { fetch: solapiEmulatorFetch(emu), sleep: async () => undefined });

function ata(recordId: string, to: string, disableSms: boolean): AtaMessage {
  return {
    to,
    from: '0212345678',
    type: 'ATA',
    kakaoOptions: {
      pfId: PF,
      templateId: TEMPLATE,
      variables: { '#{고객명}': '홍길동', '#{주문번호}': recordId },
      disableSms,
    },
    customFields: { recordId },
  };
}

describe('delivery report over the emulator clock', () => {
  it('2000 → 3000 → 4000; 3104 with the SMS fallback charged; 3107 without fallback', async () => {
    const s = service();
    const sent = await sendAsGroup(s, [
      ata('R-user', '01011112222', false),
      ata('R-nonuser', '01031043104', false),
      ata('R-blocked', '01031073107', true),
    ]);
    expect(sent.outcomes.map((o) => o.status)).toEqual(['sent', 'sent', 'sent']);
    const groupId = sent.groupId!;
    const codes = async () => {
      const r = await deliveryReport(s, groupId);
      return Object.fromEntries(
        [...r].map(([id, d]) => [id, `${d.statusCode}:${d.outcome}:${d.final}:${d.smsFallback}`]),
      );
    };
    expect(await codes()).toEqual({
      'R-user': '2000:accepted:false:false',
      'R-nonuser': '2000:accepted:false:false',
      'R-blocked': '2000:accepted:false:false',
    });
    expect((await s.balance()).balance).toBe(10000 - 3 * 13);

    await emu.control.advanceClock(1000);
    expect(Object.values(await codes())).toEqual(Array(3).fill('3000:accepted:false:false'));

    await emu.control.advanceClock(2000);
    expect(await codes()).toEqual({
      'R-user': '4000:delivered:true:false',
      'R-nonuser': '3104:failed:true:true',
      'R-blocked': '3107:failed:true:false',
    });
    const report = await deliveryReport(s, groupId);
    expect(report.get('R-nonuser')!.ko).toContain('문자로');
    expect(report.get('R-user')!.messageId).toBe(sent.outcomes[0]!.messageId);

    // The fallback SMS carries the rendered template; the two failed AlimTalks are refunded, the SMS charged.
    const nonuser = (await emu.control.messages()).find((m) => m.customFields.recordId === 'R-nonuser')!;
    expect(nonuser).toMatchObject({
      replacement: true,
      replacementType: 'SMS',
      text: '홍길동님, 주문(R-nonuser)이 접수되었습니다.',
    });
    expect((await s.balance()).balance).toBe(10000 - 3 * 13 + 2 * 13 - 20);
    const group = await s.getGroup(groupId);
    expect(group.status).toBe('COMPLETE');
    expect(group.count).toMatchObject({ sentSuccess: 1, sentFailed: 2, sentReplacement: 1 });
    expect(group.balance).toMatchObject({ requested: 39, replacement: 20, refund: 26, sum: 33 });
  });

  it('polls with a growing delay capped at 15 minutes', () => {
    expect([0, 1, 2, 3, 4, 5].map(nextPollDelay)).toEqual([5_000, 15_000, 30_000, 60_000, 120_000, 300_000]);
    expect(nextPollDelay(6)).toBeLessThanOrEqual(900_000);
    expect(nextPollDelay(7)).toBe(900_000);
    expect(nextPollDelay(1000)).toBe(900_000);
    expect(nextPollDelay(-1)).toBe(5_000);
  });
});
