import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import worker, { type Env } from '../../optin-worker/src/index';
import { CHROME_BUILD, launchExtension, type ExtensionBrowser } from '../support/chromium';
import { startSiteServer, type SiteServer } from '../support/site-server';
import { openCompose, setUpOperator } from '../support/setup-operator';
import { loadScenario, startEmulator, type Emulator } from '../kakao-emulator/client';
import { standInSdkIntegrity } from '../kakao-emulator/sdk';
import { uuidFor } from '../kakao-emulator/state';
import { emulatorFetch } from '../unit/kakao/emulator-fetch';
import { KAKAO_SDK_INTEGRITY, KAKAO_SDK_URL } from '@/utils/shared/onboarding/opt-in-page';

// Customers who can really be reached (#14), on the real Chrome build against the Kakao emulator: a new
// customer who is the operator's KakaoTalk friend opens each opt-in form — the Worker (its fetch handler run in
// this process, served under a test hostname) and the static page the options page downloads (served as a file
// from the operator's "own domain") — consents and sees 연결됐어요; the operator refreshes friends, sees
// "새로 연결된 고객 1명", links them from an order and sends: one delivery. Stopping at the code connects nobody;
// a token holder whose user info was never read disappears after the emulator's clock passes 24 h.

const KEY = '0123456789abcdef0123456789abcdef';
const PAGE_KEY = 'fedcba9876543210fedcba9876543210'; // the static page's own REST key (client secret off)
const JS_KEY = 'abcdef0123456789abcdef0123456789';
const WORKER_HOST = 'optin.haneul.test';
const SHOP_HOST = 'shop.haneul.test';
const PAGE_URL = `https://${SHOP_HOST}/kakao-optin.html`;
const OPERATOR = 1;
const MINJI = 6; // new: the operator's KakaoTalk friend, never connected; opts in through the Worker
const SEOJUN = 7; // new: opts in through the static page
const GONE = 8; // new: gets a token, but /v2/user/me fails, so Kakao's sweep unlinks them
const KIMMINJI = 10; // connected long ago, with row 1's buyer name exactly

describe('customers connect through the opt-in and become reachable (real Chrome build, emulated Kakao)', () => {
  let emu: Emulator;
  let site: SiteServer;
  let ext: ExtensionBrowser;
  let staticPage = '';
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    const scenario = loadScenario('basic');
    const app = scenario.apps[0]!;
    app.friendsMessageApproved = true; // customers are not team members: the app's permission is approved
    app.redirectUris.push(`https://${WORKER_HOST}/callback`);
    app.extraRestApiKeys.push({ restApiKey: PAGE_KEY, redirectUris: [PAGE_URL] });
    app.webDomains.push(`https://${SHOP_HOST}`);
    scenario.users.push(
      { id: MINJI, nickname: '민지', kakaoTalk: true, privateProfile: false, allowedMsg: true },
      { id: SEOJUN, nickname: '이서준', kakaoTalk: true, privateProfile: false, allowedMsg: true },
      { id: GONE, nickname: '윤겨울', kakaoTalk: true, privateProfile: false, allowedMsg: true },
      { id: KIMMINJI, nickname: '김민지', kakaoTalk: true, privateProfile: false, allowedMsg: true },
    );
    for (const id of [MINJI, SEOJUN, GONE, KIMMINJI]) scenario.friendships.push([OPERATOR, id]);
    scenario.connections.push({ app: KEY, user: KIMMINJI, scopes: ['profile_nickname', 'friends'] });
    emu = await startEmulator({ scenario });
    // The Worker runs here; its calls to Kakao's hostnames reach the emulator (as in worker.test.ts).
    const viaEmulator = emulatorFetch(emu);
    globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      const host = new URL(input instanceof Request ? input.url : String(input)).hostname;
      return host === 'kauth.kakao.com' || host === 'kapi.kakao.com'
        ? viaEmulator(input, init)
        : realFetch(input, init);
    }) as typeof fetch;
    const env: Env = { KAKAO_REST_API_KEY: KEY, STORE_NAME: '하늘상점', KAKAO_APP_NAME: '주문톡 테스트 스토어' };
    site = await startSiteServer(['sell.smartstore.naver.com', WORKER_HOST, SHOP_HOST]);
    site.use(async (req, res) => {
      const host = (req.headers.host ?? '').split(':')[0];
      if (host === SHOP_HOST && (req.url ?? '').startsWith('/kakao-optin.html')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(staticPage);
        return true;
      }
      if (host !== WORKER_HOST) return false;
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const r = await worker.fetch(
        new Request(`https://${WORKER_HOST}${req.url}`, { method: req.method, headers }),
        env,
      );
      const out: Record<string, string> = {};
      r.headers.forEach((v, k) => (out[k] = v));
      res.writeHead(r.status, out);
      res.end(Buffer.from(await r.arrayBuffer()));
      return true;
    });
    ext = await launchExtension({
      ...emu.hostMap,
      'sell.smartstore.naver.com': site.port,
      [WORKER_HOST]: site.port,
      [SHOP_HOST]: site.port,
    });
    await setUpOperator(ext, emu, { key: KEY, userId: OPERATOR }); // its first friends list is the baseline
    await emu.control.autoApprove(null); // customers see the consent page
  });
  afterAll(async () => {
    globalThis.fetch = realFetch;
    await ext?.close();
    await site?.close();
    await emu?.close();
  });

  const connections = async () => (await emu.control.state()).connections[KEY] as Record<string, string[]>;

  /** The customer on Kakao's consent page: signs in as `user`, leaves friends ticked, agrees. */
  async function consent(page: Page, user: number) {
    await page.waitForURL(/^https:\/\/kauth\.kakao\.com\/oauth\/authorize/);
    await page.selectOption('#user', String(user));
    await page.click('#agree');
  }

  /** The operator refreshes friends in the popup; returns the new friends' uuids it lists (none: []). */
  async function refreshInPopup(): Promise<{ popup: Page; uuids: string[] }> {
    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl('popup.html'));
    await popup.getByTestId('friends-refresh').click();
    await expect.poll(() => popup.getByTestId('popup-status').textContent()).toBe('');
    await popup.waitForTimeout(300);
    const uuids = await popup
      .getByTestId('friends-new')
      .locator('[data-uuid]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-uuid')!));
    return { popup, uuids };
  }

  async function linkAndSend(row: number, friend: number): Promise<void> {
    const store = await ext.context.newPage();
    await store.goto('https://sell.smartstore.naver.com/#/naverpay/manage/order');
    const grid: FrameLocator = store.frameLocator('#__delegate');
    await expect.poll(() => grid.getByTestId('ordertalk-notify').count(), { timeout: 15_000 }).toBe(12);
    const compose = await openCompose(ext.context, () => grid.getByTestId('ordertalk-notify').nth(row).click());
    const first = compose.getByTestId('friend-option').first();
    // The customer who just connected comes first, even before a friend with the buyer's exact name.
    await expect.poll(() => first.getAttribute('data-uuid'), { timeout: 10_000 }).toBe(uuidFor(KEY, friend));
    await first.click();
    await compose.getByTestId('link-confirm').click();
    await expect.poll(() => compose.locator('[data-check="linked"]').getAttribute('data-ok')).toBe('true');
    const ack = compose.getByTestId('consent-ack');
    if ((await ack.count()) > 0 && !(await ack.isChecked())) await ack.check();
    const send = compose.getByTestId('send');
    await expect.poll(() => send.getAttribute('data-active'), { timeout: 5000 }).toBe('true');
    const before = (await emu.control.deliveries()).length;
    await send.dblclick();
    await expect
      .poll(() => compose.getByTestId('send-result').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('sent');
    await compose.waitForTimeout(500);
    const after = (await emu.control.deliveries()).slice(before);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ senderId: OPERATOR, receiverId: friend });
    await compose.close();
    await store.close();
  }

  it('the extension build carries no Kakao SDK: the CDN address is only text inside the downloadable page', () => {
    const files = readdirSync(CHROME_BUILD, { recursive: true, encoding: 'utf8' });
    expect(files.filter((f) => /kakao.*\.js$/i.test(path.basename(f)))).toEqual([]);
    for (const f of files.filter((n) => /\.(js|html)$/.test(n))) {
      const text = readFileSync(path.join(CHROME_BUILD, f), 'utf8');
      // An SDK would define window.Kakao; the extension only ever writes the page's <script src=…> as text.
      expect(text, f).not.toMatch(/window\.Kakao\s*=|Kakao\.VERSION/);
      if (f.endsWith('.html')) expect(text, f).not.toContain('kakaocdn');
    }
    const manifest = readFileSync(path.join(CHROME_BUILD, 'manifest.json'), 'utf8');
    expect(manifest).not.toContain('kakaocdn');
  });

  it('Worker: stopping at the code connects nobody; the whole exchange says 연결됐어요 and connects', async () => {
    const customer = await ext.context.newPage();
    // The customer reaches the code, but the callback never runs (closed the tab, lost the network): Kakao's
    // redirect with the code is answered here instead of followed (a route does not see redirected requests, so
    // the decision goes to the emulator from here).
    let code: string | null = null;
    await customer.route('https://kauth.kakao.com/oauth/authorize/decision', async (route) => {
      const r = await emu.request('kauth.kakao.com', '/oauth/authorize/decision', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: route.request().postData() ?? '',
      });
      code = new URL(String(r.headers.location)).searchParams.get('code');
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<p id="stopped">closed</p>' });
    });
    await customer.goto(`https://${WORKER_HOST}/`);
    await customer.click('#start');
    await consent(customer, MINJI);
    await customer.locator('#stopped').waitFor();
    expect(code).toMatch(/\S{20,}/);
    expect((await connections())[MINJI]).toBeUndefined();
    const stopped = await refreshInPopup();
    expect(stopped.uuids).toEqual([]);
    await stopped.popup.close();

    await customer.unrouteAll();
    await customer.goto(`https://${WORKER_HOST}/`);
    expect(await customer.locator('#app-name').textContent()).toBe('주문톡 테스트 스토어');
    await customer.click('#start');
    await consent(customer, MINJI);
    await customer.waitForURL(`https://${WORKER_HOST}/callback**`);
    await expect.poll(() => customer.locator('#result').getAttribute('data-result')).toBe('connected');
    expect(await customer.locator('#result').textContent()).toBe('연결됐어요');
    expect((await connections())[MINJI]).toContain('friends');
    // Logged out: none of the customer's tokens is left (the operator's stay).
    expect([...emu.world.access.values()].filter((t) => t.user === MINJI)).toEqual([]);
    expect([...emu.world.refresh.values()].filter((t) => t.user === MINJI)).toEqual([]);
    await customer.close();
  });

  it('the operator sees "새로 연결된 고객 1명", links 민지 from 김민지’s order and sends: one delivery', async () => {
    const { popup, uuids } = await refreshInPopup();
    expect(await popup.getByTestId('friends-new-count').textContent()).toBe('새로 연결된 고객 1명');
    expect(uuids).toEqual([uuidFor(KEY, MINJI)]);
    expect(await popup.getByTestId('friends-new').textContent()).toContain('민지');
    // Options shows the same list.
    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    await options
      .getByTestId('view-sections')
      .click()
      .catch(() => undefined);
    await options.getByTestId('friends-load').click();
    await expect.poll(() => options.getByTestId('friends-new-count').textContent()).toBe('새로 연결된 고객 1명');
    expect(await options.getByTestId('friends-new').locator('[data-uuid]').getAttribute('data-uuid')).toBe(
      uuidFor(KEY, MINJI),
    );
    await options.close();
    await linkAndSend(0, MINJI);
    await popup.getByTestId('friends-new-dismiss').click();
    await expect.poll(() => popup.getByTestId('friends-new').count()).toBe(0);
    await popup.close();
  });

  it('static page (downloaded from options): authorizes, exchanges in the page, says 연결됐어요, keeps nothing', async () => {
    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    await options
      .getByTestId('view-sections')
      .click()
      .catch(() => undefined);
    await options.getByTestId('optin-form').selectOption('static');
    expect(await options.getByTestId('optin-static-warning').textContent()).toContain('문서로 보장하지 않는');
    await options.getByTestId('optin-static-rest-key').fill(PAGE_KEY);
    await options.getByTestId('optin-js-key').fill(JS_KEY);
    await options.getByTestId('optin-static-page-url').fill(PAGE_URL);
    expect(await options.getByTestId('optin-static-redirect-uri').textContent()).toBe(PAGE_URL);
    expect(await options.getByTestId('optin-static-web-domain').textContent()).toBe(`https://${SHOP_HOST}`);
    const downloading = options.waitForEvent('download');
    await options.getByTestId('optin-download').click();
    const file = await (await downloading).path();
    const shipped = readFileSync(file, 'utf8');
    await options.close();
    // The shipped file, with one change: the SRI hash of the emulator's SDK stand-in instead of Kakao's.
    expect(shipped.split(KAKAO_SDK_INTEGRITY)).toHaveLength(2);
    expect(shipped).toContain(`<script src="${KAKAO_SDK_URL}" integrity="${KAKAO_SDK_INTEGRITY}"`);
    staticPage = shipped.replace(KAKAO_SDK_INTEGRITY, standInSdkIntegrity('2.7.4'));

    const customer = await ext.context.newPage();
    const errors: string[] = [];
    customer.on('pageerror', (e) => errors.push(e.message));
    const issued: string[] = [];
    customer.on('response', async (r) => {
      if (r.url() === 'https://kauth.kakao.com/oauth/token') {
        const body = (await r.json().catch(() => ({}))) as { access_token?: string; refresh_token?: string };
        issued.push(...[body.access_token, body.refresh_token].filter((t): t is string => !!t));
      }
    });
    await customer.goto(PAGE_URL);
    await customer.click('#kakao-login');
    await consent(customer, SEOJUN);
    await expect
      .poll(() => customer.locator('#result').getAttribute('data-result'), { timeout: 10_000 })
      .toBe('connected');
    expect(await customer.locator('#result').textContent()).toContain('연결됐어요');
    expect(errors).toEqual([]);
    expect((await connections())[SEOJUN]).toContain('friends');
    const paths = (await emu.control.state()) && (await emu.request('localhost', '/__emulator/requests')).json();
    const seen = (paths.requests as { path: string; host: string }[]).map((q) => `${q.host}${q.path}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        't1.kakaocdn.net/kakao_js_sdk/2.7.4/kakao.min.js',
        'kauth.kakao.com/oauth/token',
        'kapi.kakao.com/v2/user/me',
        'kapi.kakao.com/v2/user/scopes',
        'kapi.kakao.com/v1/user/logout',
      ]),
    );
    // No token kept: not in the address, storage, cookies or the document.
    expect(issued.length).toBeGreaterThan(0);
    expect(customer.url()).toBe(PAGE_URL);
    const kept = await customer.evaluate(() => ({
      url: location.href,
      session: sessionStorage.length,
      local: localStorage.length,
      cookie: document.cookie,
      html: document.documentElement.outerHTML,
      history: history.length,
    }));
    expect(kept.session).toBe(0);
    expect(kept.local).toBe(0);
    for (const t of issued) expect(JSON.stringify(kept)).not.toContain(t);
    await customer.close();

    const { popup, uuids } = await refreshInPopup();
    expect(await popup.getByTestId('friends-new-count').textContent()).toBe('새로 연결된 고객 1명');
    expect(uuids).toEqual([uuidFor(KEY, SEOJUN)]);
    await linkAndSend(1, SEOJUN);
    await popup.getByTestId('friends-new-dismiss').click();
    await popup.close();
  });

  it('a customer whose user info was never read disappears once the emulator’s clock passes 24 h', async () => {
    // The exchange works, /v2/user/me does not (not processed): the Worker does not say 연결됐어요.
    await emu.control.fault({ path: '/v2/user/me', kind: '5xx' });
    const customer = await ext.context.newPage();
    await customer.goto(`https://${WORKER_HOST}/start`);
    await consent(customer, GONE);
    await expect.poll(() => customer.locator('#result').getAttribute('data-result')).toBe('error');
    expect(await customer.locator('body').textContent()).not.toContain('연결됐어요');
    await customer.close();
    expect((await connections())[GONE]).toContain('friends'); // connected at token issuance…
    const shown = await refreshInPopup();
    expect(shown.uuids).toEqual([uuidFor(KEY, GONE)]);
    await shown.popup.close();
    await emu.control.advanceClock(25 * 3600_000); // …and unlinked by Kakao's daily sweep
    expect((await connections())[GONE]).toBeUndefined();
    const after = await refreshInPopup();
    expect(after.uuids).toEqual([]);
    const count = Number(await after.popup.getByTestId('friends-count').textContent());
    expect(count).toBe(6); // 김하늘, 박바다, 최들판, 김민지, 민지, 이서준
    await after.popup.close();
  });
});
