import { describe, expect, it } from 'vitest';
import { createAuthHandlers } from '@/utils/background/handlers/auth';
import { contentSender, emulatedKakao, send, useEmulatorWorld } from './support';

const world = useEmulatorWorld();

describe('auth handlers', () => {
  it('signs in, adds consent and signs out, answering with the state and never a token', async () => {
    const h = createAuthHandlers(await emulatedKakao(world.emu));
    expect(await send(h, 'auth.state', {})).toMatchObject({ ok: true, value: { configured: true, signedIn: false } });
    const signedIn = await send(h, 'auth.signIn', {});
    expect(signedIn).toMatchObject({
      ok: true,
      value: { signedIn: true, nickname: '운영자', missingScopes: ['friends'] },
    });
    const consented = await send(h, 'auth.requestConsent', { scopes: ['friends'] });
    expect(consented).toMatchObject({ ok: true, value: { missingScopes: [] } });
    const tokens = [...world.emu.world.access.keys(), ...world.emu.world.refresh.keys()];
    expect(tokens.length).toBeGreaterThan(0);
    for (const t of tokens) expect(JSON.stringify([signedIn, consented])).not.toContain(t);
    expect(await send(h, 'auth.signOut', {})).toMatchObject({ ok: true, value: { signedIn: false } });
    expect(await send(h, 'auth.state', {})).toMatchObject({ ok: true, value: { signedIn: false } });
  });

  it('disconnects the app from the Kakao account', async () => {
    const h = createAuthHandlers(await emulatedKakao(world.emu));
    await send(h, 'auth.signIn', {});
    expect(await send(h, 'auth.disconnect', {})).toMatchObject({ ok: true, value: { signedIn: false } });
    expect(world.emu.world.requests.some((r) => r.path === '/v1/user/unlink')).toBe(true);
  });

  it('refuses content scripts and consent for scopes OrderTalk never asks for', async () => {
    const h = createAuthHandlers(await emulatedKakao(world.emu));
    expect(await send(h, 'auth.signIn', {}, contentSender())).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await send(h, 'auth.requestConsent', { scopes: ['account_email'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect((await world.emu.control.state()).tokensIssued).toBe(0);
  });
});
