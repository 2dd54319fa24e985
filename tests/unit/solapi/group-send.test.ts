import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { startSolapiEmulator, type SolapiEmulator } from '../../solapi-emulator/client';
import { createSolapiService, type AtaMessage, type SolapiCredentials } from '@/utils/background/solapi/service';
import { recoverGroupJobs, sendAsGroup, SimulatedCrash, type CrashPoint } from '@/utils/background/solapi/group-send';
import { putJob, readJobs } from '@/utils/background/solapi/group-journal';
import { solapiEmulatorFetch } from './emulator-fetch';

const KEY: SolapiCredentials = { apiKey: 'NCSTESTKEY00001A', apiSecret: 'TESTSECRETTESTSECRETTESTSECRET12' };
const PF = 'KA01PF26050100000000000000000001';
const APPROVED = 'KA01TP26050100000000000000000001';
const INSPECTING = 'KA01TP26050100000000000000000002';
const SEND = 'POST /messages/v4/groups/:groupId/send';

let emu: SolapiEmulator;
beforeAll(async () => {
  emu = await startSolapiEmulator({ scenario: 'basic' });
});
afterAll(() => emu.close());
beforeEach(async () => {
  fakeBrowser.reset();
  await emu.control.reset();
});

const service = () =>
  createSolapiService(async () => KEY, { fetch: solapiEmulatorFetch(emu), sleep: async () => undefined });

function ata(recordId: string, to: string, templateId = APPROVED): AtaMessage {
  return {
    to,
    from: '0212345678',
    type: 'ATA',
    kakaoOptions: {
      pfId: PF,
      templateId,
      variables: { '#{고객명}': '홍길동', '#{주문번호}': recordId, '#{송장번호}': '1234' },
      disableSms: false,
    },
    customFields: { recordId },
  };
}
const two = () => [ata('R-1', '01011112222'), ata('R-2', '01033334444')];

/** Messages whose group the emulator really sent. */
const sentCount = async () => (await emu.control.messages()).filter((m) => m.sent).length;
const sendRequests = async () => (await emu.control.requests())[SEND] ?? 0;
const stages = async () => (await readJobs()).map((j) => j.stage);

async function crashAt(point: CrashPoint) {
  await expect(sendAsGroup(service(), two(), { crashAt: point })).rejects.toBeInstanceOf(SimulatedCrash);
}

describe('sendAsGroup', () => {
  it('sends once; per-record outcomes include registration refusals; the journal holds no numbers', async () => {
    const r = await sendAsGroup(service(), [
      ata('R-1', '01011112222'),
      ata('R-2', '01011112222'), // same number: 1026
      ata('R-3', '01055556666', INSPECTING), // not approved: refused at add
    ]);
    expect(r.groupId).toMatch(/^G4V/);
    expect(r.group?.status).toBe('SENDING');
    expect(r.outcomes.map((o) => [o.recordId, o.status, o.statusCode])).toEqual([
      ['R-1', 'sent', '2000'],
      ['R-2', 'failed', '1026'],
      ['R-3', 'failed', '1042'],
    ]);
    expect(r.outcomes[0]!.messageId).toMatch(/^M4V/);
    expect(r.outcomes[1]!.error?.ko).toContain('중복');
    expect(await sentCount()).toBe(1);
    expect(await sendRequests()).toBe(1);
    expect(await stages()).toEqual(['sent']);
    const stored = JSON.stringify(await browser.storage.local.get(null));
    expect(stored).not.toContain('0101111');
    expect(stored).not.toContain('홍길동');
  });

  it('sends nothing when every message is refused at registration', async () => {
    const r = await sendAsGroup(service(), [ata('R-1', '01011112222', INSPECTING)]);
    expect(r.outcomes[0]).toMatchObject({ status: 'failed', statusCode: '1042' });
    expect(await sendRequests()).toBe(0);
    expect(await stages()).toEqual(['not-sent']);
  });

  it('a balance refusal at send is final: not sent, not sent again', async () => {
    await emu.control.setBalance(5);
    const r = await sendAsGroup(service(), two());
    expect(r.outcomes.map((o) => [o.status, o.error?.code])).toEqual([
      ['failed', 'NotEnoughBalance'],
      ['failed', 'NotEnoughBalance'],
    ]);
    expect(await sendRequests()).toBe(1);
    expect(await sentCount()).toBe(0);
    expect(await stages()).toEqual(['not-sent']);
  });

  it('crash before create: nothing reaches SOLAPI; recovery fails the records as interrupted', async () => {
    await crashAt('before-create');
    expect(await stages()).toEqual(['creating']);
    expect(await emu.control.requests()).toEqual({});
    const out = await recoverGroupJobs(service());
    expect(out.map((o) => [o.recordId, o.status, o.error?.code])).toEqual([
      ['R-1', 'failed', 'interrupted'],
      ['R-2', 'failed', 'interrupted'],
    ]);
    expect(out[0]!.error?.ko).toBe('보내기 전에 중단되어 보내지 않았어요.');
    expect(await stages()).toEqual(['not-sent']);
    expect(await sentCount()).toBe(0);
  });

  it('crash after create: the empty group is never sent', async () => {
    await crashAt('after-create');
    expect(await stages()).toEqual(['created']);
    expect((await readJobs())[0]!.groupId).toMatch(/^G4V/);
    const out = await recoverGroupJobs(service());
    expect(out.every((o) => o.status === 'failed' && o.error?.code === 'interrupted')).toBe(true);
    expect(await sendRequests()).toBe(0);
    expect(await sentCount()).toBe(0);
    expect((await emu.control.groups())[0].status).toBe('PENDING');
  });

  it('crash after add: the stale click is not sent on recovery', async () => {
    await crashAt('after-add');
    expect(await stages()).toEqual(['added']);
    expect((await emu.control.messages()).length).toBe(2);
    const out = await recoverGroupJobs(service());
    expect(out.map((o) => o.status)).toEqual(['failed', 'failed']);
    expect(await sendRequests()).toBe(0);
    expect(await sentCount()).toBe(0);
    // A second recovery has nothing left to do.
    expect(await recoverGroupJobs(service())).toEqual([]);
  });

  it('crash after send: recovery finds the group sent and maps each record by customFields', async () => {
    await crashAt('after-send');
    expect(await stages()).toEqual(['send-requested']);
    const out = await recoverGroupJobs(service());
    const ids = (await emu.control.messages()).map((m) => [m.customFields.recordId, m.messageId]);
    expect(out.map((o) => [o.recordId, o.status, o.messageId])).toEqual(
      ids.map(([recordId, messageId]) => [recordId, 'sent', messageId]),
    );
    expect(await sentCount()).toBe(2);
    expect(await sendRequests()).toBe(1);
    expect(await stages()).toEqual(['sent']);
  });

  it('answer lost on send: looks the group up instead of sending again', async () => {
    await emu.control.fault({ path: '/messages/v4/groups/:groupId/send', kind: 'drop-after-processing' });
    const r = await sendAsGroup(service(), two());
    expect(r.outcomes.map((o) => o.status)).toEqual(['sent', 'sent']);
    expect(await sendRequests()).toBe(1);
    expect((await emu.control.requests())['GET /messages/v4/groups/:groupId']).toBe(1);
    expect(await sentCount()).toBe(2);
    expect(await stages()).toEqual(['sent']);
  });

  it('5xx on send after SOLAPI sent the group: sent, once', async () => {
    await emu.control.fault({ path: '/messages/v4/groups/:groupId/send', kind: '5xx', afterProcessing: true });
    const r = await sendAsGroup(service(), two());
    expect(r.outcomes.map((o) => o.status)).toEqual(['sent', 'sent']);
    expect(await sendRequests()).toBe(1);
    expect(await sentCount()).toBe(2);
  });

  it('5xx on send with the group still PENDING: provably unsent, so sent once more — and only once', async () => {
    await emu.control.fault({ path: '/messages/v4/groups/:groupId/send', kind: '5xx' });
    const r = await sendAsGroup(service(), two());
    expect(r.outcomes.map((o) => o.status)).toEqual(['sent', 'sent']);
    expect(await sendRequests()).toBe(2);
    expect(await sentCount()).toBe(2);
    const log = (await emu.control.requestLog()).map((q) => `${q.method} ${q.path} ${q.status}`);
    expect(log.filter((l) => l.startsWith(SEND))).toEqual([`${SEND} 500`, `${SEND} 200`]);
  });

  it('send and look-up both fail: unknown, left for recovery, which resolves it without sending', async () => {
    await emu.control.fault({ path: '/messages/v4/groups/:groupId/send', kind: 'drop-after-processing' });
    for (let i = 0; i < 3; i++) await emu.control.fault({ path: '/messages/v4/groups/:groupId', kind: '5xx' });
    const r = await sendAsGroup(service(), two());
    expect(r.outcomes.map((o) => o.status)).toEqual(['unknown', 'unknown']);
    expect(r.outcomes[0]!.error?.code).toBe('network');
    expect(await stages()).toEqual(['send-requested']);
    expect(await sentCount()).toBe(2);

    const out = await recoverGroupJobs(service());
    expect(out.map((o) => o.status)).toEqual(['sent', 'sent']);
    expect(await sendRequests()).toBe(1);
    expect(await stages()).toEqual(['sent']);
  });

  it('recovery of a send-requested job whose group is still PENDING: not sent, and recovery never sends', async () => {
    const s = service();
    const { groupId } = await s.createGroup();
    await s.addMessages(groupId, two());
    await putJob({
      jobId: 'j1',
      stage: 'send-requested',
      groupId,
      recordIds: ['R-1', 'R-2'],
      createdAt: 1,
      updatedAt: 1,
    });
    const out = await recoverGroupJobs(s);
    expect(out.map((o) => [o.status, o.error?.code])).toEqual([
      ['failed', 'interrupted'],
      ['failed', 'interrupted'],
    ]);
    expect(await sendRequests()).toBe(0);
    expect(await stages()).toEqual(['not-sent']);
  });

  it('recovery while SOLAPI is unreachable keeps the job open as unknown', async () => {
    await crashAt('after-send');
    for (let i = 0; i < 3; i++)
      await emu.control.fault({ path: '/messages/v4/groups/:groupId', kind: 'drop-before-processing' });
    const out = await recoverGroupJobs(service());
    expect(out.map((o) => [o.status, o.error?.code])).toEqual([
      ['unknown', 'network'],
      ['unknown', 'network'],
    ]);
    expect(await stages()).toEqual(['send-requested']);
  });

  it('an add answer out of order is matched through the group itself before sending', async () => {
    const s = service();
    const shuffled = {
      ...s,
      addMessages: async (...a: Parameters<typeof s.addMessages>) => (await s.addMessages(...a)).reverse(),
    };
    const r = await sendAsGroup(shuffled, [ata('R-1', '01011112222'), ata('R-2', '01033334444', INSPECTING)]);
    expect(r.outcomes.map((o) => [o.recordId, o.status, o.statusCode])).toEqual([
      ['R-1', 'sent', '2000'],
      ['R-2', 'failed', '1042'],
    ]);
    expect((await emu.control.requests())['GET /messages/v4/groups/:groupId/messages']).toBe(1);
    expect(await sentCount()).toBe(1);
  });

  it('messages it cannot account for: the group is not sent at all', async () => {
    const s = service();
    const blind = { ...s, addMessages: async () => [], groupMessages: async () => [] };
    const r = await sendAsGroup(blind, two());
    expect(r.outcomes.map((o) => [o.status, o.error?.code])).toEqual([
      ['failed', 'FailedToAddMessage'],
      ['failed', 'FailedToAddMessage'],
    ]);
    expect(await sendRequests()).toBe(0);
    expect(await stages()).toEqual(['not-sent']);
  });

  it('refuses malformed messages before journaling or calling SOLAPI', async () => {
    const bad = { ...ata('R-1', '010-1111-2222') };
    await expect(sendAsGroup(service(), [bad])).rejects.toThrow();
    const dup = [ata('R-1', '01011112222'), ata('R-1', '01033334444')];
    await expect(sendAsGroup(service(), dup)).rejects.toThrow(/unique/);
    expect(await readJobs()).toEqual([]);
    expect(await emu.control.requests()).toEqual({});
  });

  it('skips journal entries that do not parse', async () => {
    await browser.storage.local.set({ solapiGroupJobs: [{ jobId: 'x', stage: 'weird' }, 'junk'] });
    expect(await readJobs()).toEqual([]);
    expect(await recoverGroupJobs(service())).toEqual([]);
  });
});
