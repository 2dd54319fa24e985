import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { authorization, newSalt, signingDate } from '@/utils/background/solapi/sign';
import { startSolapiEmulator, type SolapiEmulator } from './client';
import { SOLAPI_HOST } from './server';

// The emulator's own rules at the HTTP level (reference /work/shared/reference/solapi.md §1, §3, §8).
const KEY = { apiKey: 'NCSTESTKEY00001A', apiSecret: 'TESTSECRETTESTSECRETTESTSECRET12' };
const PF = 'KA01PF26050100000000000000000001';
const TP = 'KA01TP26050100000000000000000001';

let emu: SolapiEmulator;
beforeAll(async () => {
  emu = await startSolapiEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.control.reset());

async function call(method: string, path: string, body?: unknown, header?: string) {
  const auth = header ?? (await authorization(KEY.apiKey, KEY.apiSecret, signingDate(Date.now()), newSalt()));
  return emu.request(SOLAPI_HOST, path, {
    method,
    headers: { authorization: auth, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const msg = (to: string, extra: Record<string, unknown> = {}, variables: Record<string, string> = {}) => ({
  to,
  from: '0212345678',
  type: 'ATA',
  kakaoOptions: {
    pfId: PF,
    templateId: TP,
    variables: { '#{고객명}': '홍길동', '#{주문번호}': 'A-1', ...variables },
    disableSms: false,
  },
  customFields: { recordId: to },
  ...extra,
});

describe('SOLAPI emulator: auth', () => {
  it('accepts field names in any case and dates with an offset', async () => {
    const date = '2026-05-01T18:00:00+09:00';
    await emu.control.advanceClock(Date.parse(date) - Date.now());
    const salt = newSalt();
    const sig = (await authorization(KEY.apiKey, KEY.apiSecret, date, salt)).split('signature=')[1];
    const header = `HMAC-SHA256 ApiKey=${KEY.apiKey}, Date=${date}, SALT=${salt}, Signature=${sig}`;
    expect((await call('GET', '/cash/v1/balance', undefined, header)).status).toBe(200);
  });

  it('answers each auth failure in SOLAPI envelope and status', async () => {
    const cases: [string | undefined, number, string][] = [
      [undefined, 403, 'InvalidAPIKey'],
      [await authorization('UNKNOWN', 'x', signingDate(Date.now()), newSalt()), 403, 'InvalidAPIKey'],
      [await authorization(KEY.apiKey, 'wrong', signingDate(Date.now()), newSalt()), 400, 'SignatureDoesNotMatch'],
      [
        await authorization(KEY.apiKey, KEY.apiSecret, signingDate(Date.now() + 16 * 60_000), newSalt()),
        403,
        'RequestTimeTooSkewed',
      ],
    ];
    for (const [header, status, code] of cases) {
      const r = await emu.request(SOLAPI_HOST, '/cash/v1/balance', {
        headers: header ? { authorization: header } : {},
      });
      expect([r.status, r.json()]).toEqual([status, { errorCode: code, errorMessage: expect.any(String) }]);
    }
    const once = await authorization(KEY.apiKey, KEY.apiSecret, signingDate(Date.now()), newSalt());
    expect((await call('GET', '/cash/v1/balance', undefined, once)).status).toBe(200);
    expect((await call('GET', '/cash/v1/balance', undefined, once)).json().errorCode).toBe('DuplicatedSignature');
    // After 15 minutes the signature would be free again — but then its date is too old.
    await emu.control.advanceClock(15 * 60_000 + 1000);
    expect((await call('GET', '/cash/v1/balance', undefined, once)).json().errorCode).toBe('RequestTimeTooSkewed');
  });
});

describe('SOLAPI emulator: groups', () => {
  it('registers per message: duplicate number 1026, unknown template 1042, unapproved 1042, missing variable 1043, unregistered sender 1062', async () => {
    const { groupId, status } = (await call('POST', '/messages/v4/groups', { allowDuplicates: false })).json();
    expect(status).toBe('PENDING');
    const r = await call('PUT', `/messages/v4/groups/${groupId}/messages`, {
      messages: [
        msg('01011112222'),
        msg('01011112222'),
        msg('01022223333', { kakaoOptions: { pfId: PF, templateId: 'KA01TPNOPE', variables: {} } }),
        msg('01033334444', {
          kakaoOptions: { pfId: PF, templateId: 'KA01TP26050100000000000000000002', variables: {} },
        }),
        msg('01044445555', { kakaoOptions: { pfId: PF, templateId: TP, variables: { '#{고객명}': 'x' } } }),
        msg('01055556666', { from: '0299999999' }),
      ],
    });
    expect(r.status).toBe(200);
    const body = r.json();
    expect(body.resultList.map((x: { statusCode: string }) => x.statusCode)).toEqual([
      '2000',
      '1026',
      '1042',
      '1042',
      '1043',
      '1062',
    ]);
    expect(body.errorCount).toBe(5);
    const g = (await call('GET', `/messages/v4/groups/${groupId}`)).json();
    expect(g.count).toMatchObject({ total: 6, registeredSuccess: 1, registeredFailed: 5 });
  });

  it('sends a group once; a second send is refused (GroupAlreadySent, UNCONFIRMED code)', async () => {
    const { groupId } = (await call('POST', '/messages/v4/groups', {})).json();
    await call('PUT', `/messages/v4/groups/${groupId}/messages`, { messages: [msg('01011112222')] });
    const first = await call('POST', `/messages/v4/groups/${groupId}/send`);
    expect([first.status, first.json().status]).toEqual([200, 'SENDING']);
    const again = await call('POST', `/messages/v4/groups/${groupId}/send`);
    expect([again.status, again.json().errorCode]).toEqual([400, 'GroupAlreadySent']);
    const add = await call('PUT', `/messages/v4/groups/${groupId}/messages`, { messages: [msg('01099998888')] });
    expect(add.status).toBe(400);
    expect((await emu.control.messages()).filter((m) => m.sent)).toHaveLength(1);
    expect((await emu.control.requests())['POST /messages/v4/groups/:groupId/send']).toBe(2);
  });

  it('refuses malformed bodies, too many recipients and unknown groups', async () => {
    const { groupId } = (await call('POST', '/messages/v4/groups', {})).json();
    const notArray = await call('PUT', `/messages/v4/groups/${groupId}/messages`, { messages: 'x' });
    expect([notArray.status, notArray.json().errorCode]).toEqual([400, 'ValidationError']);
    const many = await call('PUT', `/messages/v4/groups/${groupId}/messages`, {
      messages: Array.from({ length: 10_001 }, (_, i) => msg(`010${String(i).padStart(8, '0')}`)),
    });
    expect([many.status, many.json().errorCode]).toEqual([413, 'RecipientsTooMany']);
    const unknown = await call('GET', '/messages/v4/groups/G4VNOPE');
    expect([unknown.status, unknown.json().errorCode]).toEqual([404, 'NotFound']);
  });

  it('send-many/detail: one call, failedMessageList for refusals, messageList when asked', async () => {
    const r = await call('POST', '/messages/v4/send-many/detail', {
      messages: [msg('01011112222'), msg('01011112222')],
      allowDuplicates: false,
      showMessageList: true,
    });
    expect(r.status).toBe(200);
    const body = r.json();
    expect(body.groupInfo).toMatchObject({
      status: 'SENDING',
      count: { total: 2, registeredSuccess: 1, registeredFailed: 1 },
    });
    expect(body.failedMessageList.map((m: { statusCode: string }) => m.statusCode)).toEqual(['1026']);
    expect(body.messageList).toHaveLength(1);
    expect(body.messageList[0].statusMessage).toBe('정상 접수(이통사로 접수 예정) ');
    const list = (await call('GET', `/messages/v4/list?groupId=${body.groupInfo.groupId}`)).json();
    expect(Object.keys(list.messageList)).toHaveLength(2);
    expect(list.nextKey).toBeNull();
  });

  it('charges AlimTalk at send and refuses a send the balance cannot cover', async () => {
    await emu.control.setBalance(20);
    const { groupId } = (await call('POST', '/messages/v4/groups', {})).json();
    await call('PUT', `/messages/v4/groups/${groupId}/messages`, {
      messages: [msg('01011112222'), msg('01022223333')],
    });
    const r = await call('POST', `/messages/v4/groups/${groupId}/send`);
    expect([r.status, r.json().errorCode]).toEqual([400, 'NotEnoughBalance']);
    expect((await call('GET', `/messages/v4/groups/${groupId}`)).json().status).toBe('PENDING');
    await emu.control.setBalance(26);
    expect((await call('POST', `/messages/v4/groups/${groupId}/send`)).status).toBe(200);
    expect((await call('GET', '/cash/v1/balance')).json().balance).toBe(0);
  });

  it('pages lists with nextKey → startKey', async () => {
    await emu.control.loadScenario({ ...emu.world.scenario, maxPageSize: 2 });
    const first = (await call('GET', `/kakao/v2/templates?channelId=${PF}&limit=100`)).json();
    expect(first.templateList).toHaveLength(2);
    const second = (await call('GET', `/kakao/v2/templates?channelId=${PF}&startKey=${first.nextKey}`)).json();
    expect(second.templateList.map((t: { status: string }) => t.status)).toEqual(['REJECTED']);
    expect(second.nextKey).toBeNull();
  });

  it('a dropped-before-processing request changes nothing; a dropped-after one does', async () => {
    await emu.control.fault({ path: '/messages/v4/groups', method: 'POST', kind: 'drop-before-processing' });
    await expect(call('POST', '/messages/v4/groups', {})).rejects.toThrow();
    expect(await emu.control.groups()).toHaveLength(0);
    await emu.control.fault({ path: '/messages/v4/groups', method: 'POST', kind: 'drop-after-processing' });
    await expect(call('POST', '/messages/v4/groups', {})).rejects.toThrow();
    expect(await emu.control.groups()).toHaveLength(1);
  });
});
