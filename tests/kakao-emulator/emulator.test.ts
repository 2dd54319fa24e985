import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, loadScenario, type Emulator } from './client';
import { uuidFor } from './state';

const KEY = '0123456789abcdef0123456789abcdef';
const REDIRECT = 'https://client.example.test/callback';
const AUTH = 'kauth.kakao.com';
const API = 'kapi.kakao.com';
const s256 = (v: string) => createHash('sha256').update(v).digest('base64url');

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ scenario: 'basic' });
});
afterAll(() => emu.close());
beforeEach(() => emu.control.reset());

function authorizeUrl(params: Record<string, string>): string {
  return `/oauth/authorize?${new URLSearchParams({ client_id: KEY, redirect_uri: REDIRECT, response_type: 'code', ...params })}`;
}

/** Signs user in through the consent page form (as a person clicking "agree"). */
async function codeFor(user: number, extra: Record<string, string> = {}, ticks?: string[]): Promise<string> {
  const params = { client_id: KEY, redirect_uri: REDIRECT, response_type: 'code', state: 'st', ...extra };
  const page = await emu.request(AUTH, `/oauth/authorize?${new URLSearchParams(params)}`);
  expect(page.status).toBe(200);
  const scopes = ticks ?? [...page.text.matchAll(/name="agree_scope" value="(\w+)"/g)].map((m) => m[1]!);
  const body = new URLSearchParams({ ...params, user: String(user), decision: 'agree' });
  for (const s of scopes) body.append('agree_scope', s);
  const r = await emu.request(AUTH, '/oauth/authorize/decision', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  expect(r.status).toBe(302);
  const loc = new URL(String(r.headers.location));
  expect(loc.searchParams.get('state')).toBe('st');
  return loc.searchParams.get('code')!;
}

async function tokensFor(user: number, scope?: string): Promise<{ access_token: string; refresh_token: string }> {
  const code = await codeFor(user, scope ? { scope } : {});
  const r = await emu.form(AUTH, '/oauth/token', {
    grant_type: 'authorization_code',
    client_id: KEY,
    redirect_uri: REDIRECT,
    code,
  });
  expect(r.status).toBe(200);
  return r.json();
}

describe('OAuth authorize', () => {
  it('rejects a bad key, a bad response_type and an unregistered redirect URI with KOE pages', async () => {
    expect((await emu.request(AUTH, authorizeUrl({ client_id: 'nope' }))).text).toContain('KOE101');
    expect((await emu.request(AUTH, authorizeUrl({ response_type: 'token' }))).text).toContain('KOE202');
    expect((await emu.request(AUTH, authorizeUrl({ response_type: 'x' }))).text).toContain('KOE201');
    const r = await emu.request(AUTH, authorizeUrl({ redirect_uri: 'https://evil.example/cb' }));
    expect(r.status).toBe(400);
    expect(r.text).toContain('KOE006');
    expect(r.headers.location).toBeUndefined();
  });

  it('shows a consent page without during-use items, and asks exactly scope= items for additional consent', async () => {
    const first = await emu.request(AUTH, authorizeUrl({}));
    expect(first.text).toContain('value="profile_nickname"');
    expect(first.text).toContain('value="talk_message"');
    expect(first.text).not.toContain('value="friends"');
    expect(first.text).toMatch(/id="agree"/);
    const extra = await emu.request(AUTH, authorizeUrl({ scope: 'friends,talk_message' }));
    expect(extra.text).toContain('value="friends"');
    expect(extra.text).not.toContain('value="profile_nickname"');
    expect((await emu.request(AUTH, authorizeUrl({ scope: 'friends talk_message' }))).text).toContain(
      'value="friends"',
    );
  });

  it('redirects access_denied with the state when the person cancels', async () => {
    const body = new URLSearchParams({
      client_id: KEY,
      redirect_uri: REDIRECT,
      response_type: 'code',
      state: 'abc',
      user: '1',
      decision: 'cancel',
    });
    const r = await emu.request(AUTH, '/oauth/authorize/decision', {
      method: 'POST',
      body: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const loc = new URL(String(r.headers.location));
    expect(loc.searchParams.get('error')).toBe('access_denied');
    expect(loc.searchParams.get('state')).toBe('abc');
  });

  it('auto-approves without a page when asked to', async () => {
    await emu.control.autoApprove(1);
    const r = await emu.request(AUTH, authorizeUrl({ state: 'z' }));
    expect(r.status).toBe(302);
    expect(new URL(String(r.headers.location)).searchParams.get('code')).toBeTruthy();
  });
});

describe('OAuth token', () => {
  it('exchanges a code once (KOE320 on reuse) and checks the redirect URI (KOE303)', async () => {
    const code = await codeFor(1);
    const fields = { grant_type: 'authorization_code', client_id: KEY, redirect_uri: REDIRECT, code };
    const ok = await emu.form(AUTH, '/oauth/token', fields);
    expect(ok.json()).toMatchObject({ token_type: 'bearer', expires_in: 21599, refresh_token_expires_in: 5183999 });
    expect(ok.headers['access-control-allow-origin']).toBe('*');
    expect((await emu.form(AUTH, '/oauth/token', fields)).json()).toMatchObject({
      error: 'invalid_grant',
      error_code: 'KOE320',
    });
    const other = await codeFor(1);
    expect(
      (await emu.form(AUTH, '/oauth/token', { ...fields, code: other, redirect_uri: 'https://x.test/' })).json()
        .error_code,
    ).toBe('KOE303');
  });

  it('checks PKCE S256 when a challenge was sent', async () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    const code = await codeFor(1, { code_challenge: s256(verifier), code_challenge_method: 'S256' });
    const base = { grant_type: 'authorization_code', client_id: KEY, redirect_uri: REDIRECT, code };
    expect((await emu.form(AUTH, '/oauth/token', { ...base, code_verifier: 'wrong-verifier' })).status).toBe(400);
    const code2 = await codeFor(1, { code_challenge: s256(verifier), code_challenge_method: 'S256' });
    expect((await emu.form(AUTH, '/oauth/token', { ...base, code: code2, code_verifier: verifier })).status).toBe(200);
  });

  it('requires the client secret when the app enabled one (KOE010)', async () => {
    const s = loadScenario('basic');
    s.apps[0]!.clientSecret = 'shh';
    await emu.control.loadScenario(s);
    const code = await codeFor(1);
    const base = { grant_type: 'authorization_code', client_id: KEY, redirect_uri: REDIRECT, code };
    const bad = await emu.form(AUTH, '/oauth/token', base);
    expect(bad.status).toBe(401);
    expect(bad.json()).toMatchObject({ error: 'invalid_client', error_code: 'KOE010' });
    const code2 = await codeFor(1);
    expect((await emu.form(AUTH, '/oauth/token', { ...base, code: code2, client_secret: 'shh' })).status).toBe(200);
  });

  it('refreshes; rotates the refresh token only with less than a month left; KOE322 when invalid', async () => {
    const t = await tokensFor(1);
    // A completed sign-in (user info read), so the daily sweep keeps the user while the clock jumps.
    await emu.request(API, '/v2/user/me', { headers: { authorization: `Bearer ${t.access_token}` } });
    const fields = { grant_type: 'refresh_token', client_id: KEY, refresh_token: t.refresh_token };
    const early = (await emu.form(AUTH, '/oauth/token', fields)).json();
    expect(early.access_token).toBeTruthy();
    expect(early.refresh_token).toBeUndefined();
    await emu.control.advanceClock(31 * 24 * 3600_000);
    const late = (await emu.form(AUTH, '/oauth/token', fields)).json();
    expect(late.refresh_token).toBeTruthy();
    expect((await emu.form(AUTH, '/oauth/token', fields)).json().error_code).toBe('KOE322');
    expect((await emu.form(AUTH, '/oauth/token', { ...fields, refresh_token: late.refresh_token })).status).toBe(200);
    await emu.control.advanceClock(61 * 24 * 3600_000);
    expect(
      (await emu.form(AUTH, '/oauth/token', { ...fields, refresh_token: late.refresh_token })).json().error_code,
    ).toBe('KOE322');
  });
});

describe('kapi', () => {
  it('answers -401 for missing, unknown and expired tokens', async () => {
    expect((await emu.request(API, '/v2/user/me')).json()).toMatchObject({ code: -401 });
    const t = await tokensFor(1);
    const auth = { authorization: `Bearer ${t.access_token}` };
    expect((await emu.request(API, '/v2/user/me', { headers: auth })).json()).toMatchObject({
      id: 1,
      properties: { nickname: '운영자' },
    });
    await emu.control.advanceClock(6 * 3600_000);
    const r = await emu.request(API, '/v2/user/me', { headers: auth });
    expect(r.status).toBe(401);
    expect(r.json().msg).toContain('expired');
  });

  it('reports token info and scopes, and -402 with required_scopes for the friends list without consent', async () => {
    const t = await tokensFor(1);
    const auth = { authorization: `Bearer ${t.access_token}` };
    const info = (await emu.request(API, '/v1/user/access_token_info', { headers: auth })).json();
    expect(info.id).toBe(1);
    expect(info.expires_in).toBeGreaterThan(21590);
    const scopes = (await emu.request(API, '/v2/user/scopes', { headers: auth })).json().scopes;
    expect(scopes.find((s: { id: string }) => s.id === 'friends')).toMatchObject({ agreed: false, using: true });
    const r = await emu.request(API, '/v1/api/talk/friends', { headers: auth });
    expect(r.status).toBe(403);
    expect(r.json()).toMatchObject({ code: -402, required_scopes: ['friends'], api_type: 'FRIENDS' });
  });

  it('lists only visible friends, pages with after_url, and -3 when the app lacks the item', async () => {
    const t = await tokensFor(1, 'friends');
    const auth = { authorization: `Bearer ${t.access_token}` };
    const all = (await emu.request(API, '/v1/api/talk/friends', { headers: auth })).json();
    // 4 never signed in; 2, 3 and 5 consented; 5 is not an app member of the unapproved app.
    expect(all.elements.map((e: { id: number }) => e.id)).toEqual([2, 3]);
    expect(all.total_count).toBe(2);
    expect(all.elements[1]).toMatchObject({ uuid: uuidFor(KEY, 3), allowed_msg: false });
    const p1 = (await emu.request(API, '/v1/api/talk/friends?limit=1', { headers: auth })).json();
    expect(p1.elements).toHaveLength(1);
    const next = new URL(p1.after_url);
    expect(next.host).toBe(API);
    const p2 = (await emu.request(API, next.pathname + next.search, { headers: auth })).json();
    expect(p2.elements[0].id).toBe(3);
    expect(p2.after_url).toBeUndefined();
    expect((await emu.request(API, '/v1/api/talk/friends?limit=500', { headers: auth })).json().code).toBe(-2);
    const s = loadScenario('basic');
    s.apps[0]!.friendsMessageApproved = true;
    s.hidden = [{ user: 1, friend: 2 }];
    await emu.control.loadScenario(s);
    const t2 = await tokensFor(1, 'friends');
    const approved = (
      await emu.request(API, '/v1/api/talk/friends', { headers: { authorization: `Bearer ${t2.access_token}` } })
    ).json();
    expect(approved.elements.map((e: { id: number }) => e.id)).toEqual([3, 5]);
    delete s.apps[0]!.consentItems.friends;
    await emu.control.loadScenario(s);
    const t3 = await tokensFor(1);
    expect(
      (
        await emu.request(API, '/v1/api/talk/friends', { headers: { authorization: `Bearer ${t3.access_token}` } })
      ).json().code,
    ).toBe(-3);
  });

  it('logout and unlink invalidate tokens', async () => {
    const t = await tokensFor(1);
    expect((await emu.form(API, '/v1/user/logout', {}, t.access_token)).json()).toEqual({ id: 1 });
    expect(
      (await emu.request(API, '/v2/user/me', { headers: { authorization: `Bearer ${t.access_token}` } })).status,
    ).toBe(401);
    const t2 = await tokensFor(1);
    await emu.form(API, '/v1/user/unlink', {}, t2.access_token);
    expect(
      (
        await emu.form(AUTH, '/oauth/token', {
          grant_type: 'refresh_token',
          client_id: KEY,
          refresh_token: t2.refresh_token,
        })
      ).json().error_code,
    ).toBe('KOE322');
    expect((await emu.control.state()).connections[KEY]['1']).toBeUndefined();
  });

  it('answers unknown routes and malformed control bodies in Kakao shapes', async () => {
    const r = await emu.request(API, '/v9/nothing');
    expect(r.status).toBe(404);
    expect(typeof r.json().code).toBe('number');
    const bad = await emu.request('localhost', '/__emulator/scenario', {
      method: 'POST',
      body: '{"apps":[]}',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json().msg).toContain('invalid scenario');
    expect((await emu.request(AUTH, '/nope')).json().error_code).toBe('KOE002');
  });
});

describe('messages', () => {
  const text = (t: string, url = 'https://smartstore.naver.com/shop') =>
    JSON.stringify({ object_type: 'text', text: t, link: { web_url: url } });
  const sendDefault = (token: string, uuids: unknown, object = text('안녕하세요')) =>
    emu.form(
      API,
      '/v1/api/talk/friends/message/default/send',
      { receiver_uuids: JSON.stringify(uuids), template_object: object },
      token,
    );

  it('a scripted round trip: PKCE authorize → token → scopes → friends → send → delivery record', async () => {
    await emu.control.autoApprove(1);
    const verifier = 'x'.repeat(50);
    const auth = await emu.request(
      AUTH,
      authorizeUrl({
        scope: 'friends,talk_message',
        code_challenge: s256(verifier),
        code_challenge_method: 'S256',
        state: 'q',
      }),
    );
    const code = new URL(String(auth.headers.location)).searchParams.get('code')!;
    const tok = (
      await emu.form(AUTH, '/oauth/token', {
        grant_type: 'authorization_code',
        client_id: KEY,
        redirect_uri: REDIRECT,
        code,
        code_verifier: verifier,
      })
    ).json();
    expect(tok.scope).toContain('talk_message');
    const bearer = { authorization: `Bearer ${tok.access_token}` };
    const scopes = (await emu.request(API, '/v2/user/scopes', { headers: bearer })).json().scopes;
    expect(scopes.filter((s: { agreed: boolean }) => s.agreed).map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining(['friends', 'talk_message']),
    );
    const friends = (await emu.request(API, '/v1/api/talk/friends', { headers: bearer })).json().elements;
    const kim = friends.find((f: { profile_nickname: string }) => f.profile_nickname === '김하늘');
    const sent = (await sendDefault(tok.access_token, [kim.uuid])).json();
    expect(sent).toEqual({ successful_receiver_uuids: [kim.uuid] });
    const deliveries = await emu.control.deliveries();
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({
      senderId: 1,
      receiverId: 2,
      kind: 'default',
      templateObject: { text: '안녕하세요' },
    });
  });

  it('reports partial failure per receiver (-530 refuses) and validates receiver_uuids', async () => {
    const t = await tokensFor(1, 'friends,talk_message');
    const r = (await sendDefault(t.access_token, [uuidFor(KEY, 2), uuidFor(KEY, 3)])).json();
    expect(r.successful_receiver_uuids).toEqual([uuidFor(KEY, 2)]);
    expect(r.failure_info).toEqual([{ code: -530, msg: expect.any(String), receiver_uuids: [uuidFor(KEY, 3)] }]);
    const six = Array.from({ length: 6 }, (_, i) => `u${i}`);
    expect((await sendDefault(t.access_token, six)).json().code).toBe(-2);
    expect(
      (
        await emu.form(
          API,
          '/v1/api/talk/friends/message/default/send',
          { receiver_uuids: 'not json', template_object: text('a') },
          t.access_token,
        )
      ).json().code,
    ).toBe(-2);
    expect((await sendDefault(t.access_token, [uuidFor(KEY, 1)])).json().code).toBe(-2);
    expect((await sendDefault(t.access_token, ['unknown-uuid'])).json().code).toBe(-2);
  });

  it('checks templates: text length, buttons, link domains, object types', async () => {
    const t = await tokensFor(1, 'friends,talk_message');
    const u = [uuidFor(KEY, 2)];
    expect((await sendDefault(t.access_token, u, text('가'.repeat(201)))).json().code).toBe(-2);
    expect((await sendDefault(t.access_token, u, text('a', 'https://evil.example/x'))).json().msg).toContain(
      'link domain',
    );
    expect((await sendDefault(t.access_token, u, JSON.stringify({ object_type: 'video' }))).json().code).toBe(-2);
    const three = {
      object_type: 'feed',
      content: { title: 't', link: {} },
      buttons: [1, 2, 3].map(() => ({ title: 'b', link: {} })),
    };
    expect((await sendDefault(t.access_token, u, JSON.stringify(three))).json().msg).toContain('2 buttons');
    const commerce = {
      object_type: 'commerce',
      content: { title: '현미', link: { web_url: 'https://shop.example.test/p' } },
      commerce: { regular_price: 15000 },
    };
    expect((await sendDefault(t.access_token, u, JSON.stringify(commerce))).json().successful_receiver_uuids).toEqual(
      u,
    );
    const custom = await emu.form(
      API,
      '/v1/api/talk/friends/message/send',
      { receiver_uuids: JSON.stringify(u), template_id: '9001', template_args: '{"name":"김"}' },
      t.access_token,
    );
    expect(custom.json().successful_receiver_uuids).toEqual(u);
    expect(
      (
        await emu.form(
          API,
          '/v1/api/talk/friends/message/send',
          { receiver_uuids: JSON.stringify(u), template_id: '1' },
          t.access_token,
        )
      ).json().code,
    ).toBe(-2);
  });

  it('-402 without talk_message, -5 for a non-member sender of an unapproved app, -501 without KakaoTalk', async () => {
    const s = loadScenario('basic');
    s.apps[0]!.consentItems = { profile_nickname: 'required', friends: 'during-use', talk_message: 'during-use' };
    await emu.control.loadScenario(s);
    const t = await tokensFor(1, 'friends');
    expect((await sendDefault(t.access_token, [uuidFor(KEY, 2)])).json()).toMatchObject({
      code: -402,
      required_scopes: ['talk_message'],
    });
    s.apps[0]!.consentItems.talk_message = 'optional';
    s.connections.push({ app: KEY, user: 4, scopes: ['friends', 'talk_message', 'profile_nickname'] });
    s.friendships.push([4, 2]);
    await emu.control.loadScenario(s);
    const outsider = await tokensFor(4, 'friends,talk_message');
    expect((await sendDefault(outsider.access_token, [uuidFor(KEY, 2)])).json().code).toBe(-5);
    s.users[0]!.kakaoTalk = false;
    await emu.control.loadScenario(s);
    const noTalk = await tokensFor(1, 'friends,talk_message');
    expect((await sendDefault(noTalk.access_token, [uuidFor(KEY, 2)])).json().code).toBe(-501);
  });

  it('enforces the daily pair quota on the Seoul day and resets after midnight KST', async () => {
    const s = loadScenario('basic');
    s.now = '2026-11-24T23:00:00+09:00';
    s.sentToday = [{ from: 1, to: 2, count: 20 }];
    await emu.control.loadScenario(s);
    const t = await tokensFor(1, 'friends,talk_message');
    expect((await sendDefault(t.access_token, [uuidFor(KEY, 2)])).json().failure_info[0].code).toBe(-536);
    await emu.control.advanceClock(3600_000);
    expect((await sendDefault(t.access_token, [uuidFor(KEY, 2)])).json().successful_receiver_uuids).toHaveLength(1);
  });

  it('-502 when the receiver is no longer a friend; send to me records a memo', async () => {
    const t = await tokensFor(1, 'friends,talk_message');
    const s = loadScenario('basic');
    s.friendships = s.friendships.filter(([, b]) => b !== 2);
    await emu.control.loadScenario(s);
    const t2 = await tokensFor(1, 'friends,talk_message');
    expect((await sendDefault(t2.access_token, [uuidFor(KEY, 2)])).json().failure_info[0].code).toBe(-502);
    void t;
    const memo = await emu.form(
      API,
      '/v2/api/talk/memo/default/send',
      { template_object: text('테스트') },
      t2.access_token,
    );
    expect(memo.json()).toEqual({ result_code: 0 });
    expect((await emu.control.deliveries()).at(-1)).toMatchObject({ kind: 'memo', receiverId: 1 });
  });
});

describe('faults', () => {
  it('injects a 5xx and a -10 on the Nth matching request only', async () => {
    const t = await tokensFor(1);
    const auth = { authorization: `Bearer ${t.access_token}` };
    await emu.control.fault({ path: '/v2/user/me', kind: '5xx', nth: 2 });
    expect((await emu.request(API, '/v2/user/me', { headers: auth })).status).toBe(200);
    expect((await emu.request(API, '/v2/user/me', { headers: auth })).status).toBe(500);
    expect((await emu.request(API, '/v2/user/me', { headers: auth })).status).toBe(200);
    await emu.control.fault({ path: '/v2/user/me', kind: '-10' });
    expect((await emu.request(API, '/v2/user/me', { headers: auth })).json().code).toBe(-10);
  });

  it('drops the connection after processing a send: delivered, but no answer', async () => {
    const t = await tokensFor(1, 'friends,talk_message');
    await emu.control.fault({ path: '/message/default/send', kind: 'drop' });
    await expect(
      emu.form(
        API,
        '/v1/api/talk/friends/message/default/send',
        {
          receiver_uuids: JSON.stringify([uuidFor(KEY, 2)]),
          template_object: JSON.stringify({ object_type: 'text', text: 'x', link: {} }),
        },
        t.access_token,
      ),
    ).rejects.toThrow();
    expect(await emu.control.deliveries()).toHaveLength(1);
  });

  it('expires tokens on demand', async () => {
    const t = await tokensFor(1);
    expect(await emu.control.expireTokens(1)).toBeGreaterThan(0);
    expect(
      (await emu.request(API, '/v2/user/me', { headers: { authorization: `Bearer ${t.access_token}` } })).status,
    ).toBe(401);
  });
});

describe('inbox and demo scenario', () => {
  it('renders received messages as bubbles, escaping everything', async () => {
    const t = await tokensFor(1, 'friends,talk_message');
    await emu.form(
      API,
      '/v1/api/talk/friends/message/default/send',
      {
        receiver_uuids: JSON.stringify([uuidFor(KEY, 2)]),
        template_object: JSON.stringify({ object_type: 'text', text: '<script>alert(1)</script> 배송 시작', link: {} }),
      },
      t.access_token,
    );
    const page = (await emu.request('localhost', '/__emulator/inbox/2')).text;
    expect(page).toContain('data-testid="inbox-message"');
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&#60;script&#62;');
  });

  it('the demo scenario loads and covers every eligibility state', async () => {
    const demo = loadScenario('demo');
    await emu.control.loadScenario(demo);
    const key = demo.apps[0]!.restApiKey;
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    const params = { client_id: key, redirect_uri: demo.apps[0]!.redirectUris[0]!, response_type: 'code' };
    await emu.control.autoApprove(1000);
    const r = await emu.request(
      AUTH,
      `/oauth/authorize?${new URLSearchParams({ ...params, scope: 'friends,talk_message' })}`,
    );
    const code = new URL(String(r.headers.location)).searchParams.get('code')!;
    const tok = (
      await emu.form(AUTH, '/oauth/token', {
        grant_type: 'authorization_code',
        client_id: key,
        redirect_uri: params.redirect_uri,
        code,
      })
    ).json();
    const friends = (
      await emu.request(API, '/v1/api/talk/friends', { headers: { authorization: `Bearer ${tok.access_token}` } })
    ).json();
    const names = friends.elements.map((f: { profile_nickname: string }) => f.profile_nickname);
    expect(names).toEqual(expect.arrayContaining(['김민지', '조은우', '한유나']));
    for (const absent of ['오시우', '장서연', '강수아', '윤도윤', '임지호']) expect(names).not.toContain(absent);
    expect(
      friends.elements.find((f: { profile_nickname: string }) => f.profile_nickname === '조은우').allowed_msg,
    ).toBe(false);
  });
});
