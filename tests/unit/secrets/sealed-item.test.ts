import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { defineSealedItem } from '@/utils/background/secrets/sealed-item';
import { seal, unseal } from '@/utils/background/secrets/seal';

const newKey = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

describe('sealed secrets', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores only ciphertext and reads the secret back', async () => {
    const key = await newKey();
    const item = defineSealedItem('local:refreshToken', async () => key);
    await item.set('rt-SECRET-123');
    const stored = JSON.stringify(await browser.storage.local.get(null));
    expect(stored).not.toContain('rt-SECRET-123');
    expect(stored).toContain('v1.');
    expect(await item.get()).toBe('rt-SECRET-123');
    expect(await item.has()).toBe(true);
    await item.set(null);
    expect(await item.get()).toBeNull();
    expect(await item.has()).toBe(false);
  });

  it('uses a fresh IV, and a different key cannot open it', async () => {
    const key = await newKey();
    const a = await seal(key, 'same');
    const b = await seal(key, 'same');
    expect(a).not.toBe(b);
    expect(await unseal(key, a)).toBe('same');
    expect(await unseal(await newKey(), a)).toBeNull();
    expect(await unseal(key, 'garbage')).toBeNull();
  });
});
