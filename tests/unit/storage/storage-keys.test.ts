import { describe, expect, it } from 'vitest';
import { STORAGE_KEYS } from '@/utils/shared/storage-keys';
import * as keys from '@/utils/shared/storage-keys';

const all = Object.values(STORAGE_KEYS);

describe('storage keys', () => {
  it('are unique, WXT meta keys included', () => {
    const names = all.map((k) => k.key);
    expect(new Set(names).size).toBe(names.length);
    // WXT keeps an item's version under `<key>$`: no key may be another's meta key.
    for (const name of names) expect(names).not.toContain(`${name}$`);
  });

  it('name an area or an IndexedDB database, with a version and what each holds', () => {
    for (const k of all) {
      expect(k.key).toMatch(/^(local:|session:)[A-Za-z]+$|^ordertalk-[a-z]+$/);
      expect(Number.isInteger(k.version) && k.version >= 1).toBe(true);
      expect(k.holds.length).toBeGreaterThan(10);
    }
  });

  it('lists every exported key in STORAGE_KEYS', () => {
    const exported = Object.values(keys).filter((v) => typeof v === 'object' && v !== null && 'key' in v);
    expect(exported.length).toBe(all.length);
    for (const k of exported) expect(all).toContain(k);
  });
});
