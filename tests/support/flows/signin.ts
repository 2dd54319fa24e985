import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { expect } from 'vitest';
import type { Emulator } from '../../kakao-emulator/client';
import { tid, waitUntil, type Driver } from './driver';

export interface KauthRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  form: URLSearchParams;
}

/** Records what reaches kauth.kakao.com (authorize queries, token forms) from now on. */
export function spyKauth(emu: Emulator): KauthRequest[] {
  const seen: KauthRequest[] = [];
  emu.server.on('request', (req: IncomingMessage) => {
    if (!String(req.headers.host ?? '').startsWith('kauth.kakao.com')) return;
    const url = new URL(req.url ?? '/', 'https://kauth.kakao.com');
    const entry: KauthRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: url.searchParams,
      form: new URLSearchParams(),
    };
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => (entry.form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    seen.push(entry);
  });
  return seen;
}

const base64url = (b: Buffer) => b.toString('base64url');

/**
 * Every sign-in so far used PKCE (S256, the verifier matching the challenge), a fresh unguessable state, and
 * the redirect URI this browser's options page shows (the one to register with Kakao).
 */
export async function expectSignInsWerePkce(driver: Driver, kauth: KauthRequest[], key: string): Promise<void> {
  const expected = await driver.redirectUri();
  const options = await driver.openExtensionPage('options.html');
  // Setup is not finished (notices, review), so options reopen as the wizard: show every section.
  await options.click(tid('view-sections'));
  const shown = await waitUntil(
    () => options.text(tid(`redirect-uri-${driver.browserName === 'chromium' ? 'chrome' : 'firefox'}`)),
    (t) => !!t,
    { what: 'the redirect URI in options' },
  );
  expect(shown).toBe(expected);
  // This build runs under the fixed id: no third "this build's own" URI.
  expect(await options.count(tid('redirect-uri-running'))).toBe(0);
  await options.close();

  const authorizes = kauth.filter((r) => r.method === 'GET' && r.path === '/oauth/authorize');
  const tokens = kauth.filter((r) => r.method === 'POST' && r.path === '/oauth/token' && r.form.has('code'));
  expect(authorizes.length).toBeGreaterThan(0);
  expect(tokens.length).toBeGreaterThan(0);
  for (const a of authorizes) {
    expect(a.query.get('client_id')).toBe(key);
    expect(a.query.get('response_type')).toBe('code');
    expect(a.query.get('redirect_uri')).toBe(expected);
    expect(a.query.get('code_challenge_method')).toBe('S256');
    expect(a.query.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(a.query.get('state')?.length).toBeGreaterThanOrEqual(16);
  }
  const challenges = new Set(authorizes.map((a) => a.query.get('code_challenge')));
  for (const t of tokens) {
    expect(t.form.get('grant_type')).toBe('authorization_code');
    expect(t.form.get('redirect_uri')).toBe(expected);
    const verifier = t.form.get('code_verifier') ?? '';
    expect(verifier).toMatch(/^[\w.~-]{43,128}$/);
    expect(challenges.has(base64url(createHash('sha256').update(verifier).digest()))).toBe(true);
  }
  // One state per sign-in (Firefox fetches each authorize URL twice: once in the background, once in its window).
  const states = new Set(authorizes.map((a) => a.query.get('state')));
  expect(states.size).toBe(tokens.length);
}

/** The popup (in a tab) shows the operator and asks for the friends/message consent, which the operator gives. */
export async function additionalConsent(driver: Driver, kauth: KauthRequest[]): Promise<void> {
  const popup = await driver.openExtensionPage('popup.html');
  await waitUntil(
    () => popup.text(tid('signed-in-nickname')),
    (t) => t === '운영자',
    { what: 'the signed-in operator' },
  );
  await driver.approveSignIn(1, () => popup.click(tid('consent-grant')));
  await waitUntil(
    () => popup.text(tid('friends-count')),
    (t) => t === '2',
    { what: 'the friends count after consent' },
  );
  expect(await popup.count(tid('consent-grant'))).toBe(0);
  expect(await popup.text(tid('quota-left'))).toContain('100');
  await popup.screenshot('popup');
  await popup.close();
  // The consent sign-in asked for the items still missing, not for everything again.
  const last = kauth.filter((r) => r.method === 'GET' && r.path === '/oauth/authorize').at(-1)!;
  expect(last.query.get('scope')?.split(',')).toContain('friends');
}
