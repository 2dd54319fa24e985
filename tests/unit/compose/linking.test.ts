import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IDBFactory } from 'fake-indexeddb';
import { browser } from 'wxt/browser';
import {
  compareLinks,
  customerIdentity,
  customerKey,
  eraseLinks,
  exportLinks,
  getLink,
  getLinks,
  importLinks,
  rankFriends,
  removeLink,
  setLink,
} from '@/utils/background/storage/links';
import type { Order } from '@/utils/shared/order';
import { deriveCustomerKey, freshMaterial, hmacKey, rekey, saltedHash } from '@/utils/background/storage/customer-key';

const order: Order = {
  store: 'smartstore',
  orderNo: '1',
  productOrderNo: '11',
  buyerName: '김민지',
  buyerId: 'minji01',
  buyerPhone: '010-1234-5678',
  productName: '현미',
};

describe('linking customers to friends', () => {
  beforeEach(() => fakeBrowser.reset());

  it('remembers a customer by a keyed hash, with no personal data stored in plain form', async () => {
    await setLink(order, { id: 7, uuid: 'u7', nickname: '민지' });
    expect(await getLink({ ...order, productOrderNo: '99', orderNo: '9' })).toMatchObject({ friendUuid: 'u7' });
    const stored = JSON.stringify([await browser.storage.local.get(null), await exportLinks()]);
    expect(stored).not.toContain('minji01');
    expect(stored).not.toContain('5678');
    expect(await customerKey(order)).toMatch(/^[0-9a-f]{64}$/);
    // Nothing to derive keys with is in storage.local (which content scripts can read).
    expect(Object.keys(await browser.storage.local.get(null))).not.toContain('linkSalt');
    await removeLink(order);
    expect(await getLink(order)).toBeNull();
  });

  it('looks up many orders at once, matching the one-by-one lookup', async () => {
    await setLink(order, { id: 7, uuid: 'u7', nickname: '민지' });
    const other = { ...order, productOrderNo: '12', buyerId: 'someone' };
    const links = await getLinks([order, other, { ...order, productOrderNo: '13' }]);
    expect([...links.keys()]).toEqual(['11', '13']);
    expect(links.get('11')).toEqual(await getLink(order));
  });

  it('keeps every link when several are made at once, on a first use too', async () => {
    const orders = Array.from({ length: 6 }, (_, i): Order => ({
      ...order,
      productOrderNo: `p${i}`,
      buyerId: `buyer${i}`,
    }));
    // No salt yet: badge lookups and links race to make it.
    await Promise.all([
      getLinks(orders),
      ...orders.map((o, i) => setLink(o, { id: i, uuid: `u${i}`, nickname: `친구${i}` })),
      getLinks(orders),
    ]);
    const found = await getLinks(orders);
    expect([...found.values()].map((l) => l.friendUuid).sort()).toEqual(['u0', 'u1', 'u2', 'u3', 'u4', 'u5']);
  });

  it('cannot be tried against phone numbers without the secret: the salt and the old derivation are not enough', async () => {
    const phoneOrder = { ...order, buyerId: undefined };
    await setLink(phoneOrder, { id: 7, uuid: 'u7', nickname: '민지' });
    const { salt, secret, links } = await exportLinks();
    const [key] = Object.keys(links);
    // Release 1's key (what an attacker with the salt could compute) is not the stored key…
    expect(key).not.toBe(await saltedHash(salt, 'smartstore:tel:01012345678'));
    // …another secret gives another key, and only this install's secret gives the stored one.
    const guess = freshMaterial(salt);
    expect(await deriveCustomerKey({ salt, key: await hmacKey(guess.secret) }, 'smartstore:tel:01012345678')).not.toBe(
      key,
    );
    expect(await deriveCustomerKey({ salt, key: await hmacKey(secret) }, 'smartstore:tel:01012345678')).toBe(key);
  });

  it('moves links kept in storage.local by earlier versions into the database once', async () => {
    const key = 'a'.repeat(64);
    await fakeBrowser.storage.local.set({
      linkSalt: 'b'.repeat(32),
      customerLinks: { [key]: { friendId: 7, friendUuid: 'u7', nickname: '민지', linkedAt: 1 }, bad: 'x' },
      customerLinks$: { v: 1 },
    });
    const part = await exportLinks();
    expect(part.salt).toBe('b'.repeat(32));
    expect(part.links).toEqual({
      [await rekey(await hmacKey(part.secret), key)]: { friendId: 7, friendUuid: 'u7', nickname: '민지', linkedAt: 1 },
    });
    expect(await fakeBrowser.storage.local.get(['customerLinks', 'customerLinks$'])).toEqual({});
  });

  it('never uses a masked phone as a key', () => {
    expect('id' in customerIdentity({ ...order, buyerId: undefined, buyerPhone: '010-****-5678' })).toBe(false);
    expect(customerIdentity({ ...order, buyerId: undefined })).toEqual({ id: 'smartstore:tel:01012345678' });
  });

  it('ranks friends by likeness to the buyer and receiver names', () => {
    const friends = [{ nickname: '박바다' }, { nickname: '민지맘' }, { nickname: '김민지' }, { nickname: '이수아' }];
    expect(
      rankFriends(friends, order)
        .map((f) => f.nickname)
        .slice(0, 2),
    ).toEqual(['김민지', '민지맘']);
    expect(rankFriends(friends, { ...order, buyerName: '홍길동', receiverName: '이수아' })[0]!.nickname).toBe('이수아');
    expect(rankFriends(friends, order, '바다').map((f) => f.nickname)).toEqual(['박바다']);
  });

  it('exports and imports links (with their secret, so another install finds them), with clear errors', async () => {
    await setLink(order, { id: 7, uuid: 'u7', nickname: '민지' });
    const file = await exportLinks();
    // Another install: empty storage and an empty database.
    fakeBrowser.reset();
    globalThis.indexedDB = new IDBFactory();
    await setLink({ ...order, buyerId: 'other' }, { id: 8, uuid: 'u8', nickname: '하늘' });
    expect(await compareLinks(file)).toEqual({ current: 1, incoming: 1, same: 0 });
    expect(await importLinks(file, false)).toEqual({ links: 1 });
    expect(await getLink(order)).toBeNull();
    await importLinks(file);
    expect(await getLink(order)).toMatchObject({ friendUuid: 'u7' });
    // Replaced, not merged: the other install's link was made under a secret that is gone.
    expect(await getLink({ ...order, buyerId: 'other' })).toBeNull();
    await expect(importLinks({ format: 'x' })).rejects.toMatchObject({ code: 'invalid-file' });
  });

  it('imports release 1 links files (salted keys) by rekeying them', async () => {
    const salt = 'c'.repeat(32);
    const v1Key = await saltedHash(salt, 'smartstore:id:minji01');
    await importLinks({
      format: 'ordertalk-links',
      version: 1,
      salt,
      links: { [v1Key]: { friendId: 7, friendUuid: 'u7', nickname: '민지', linkedAt: 1 } },
    });
    expect(await getLink(order)).toMatchObject({ friendUuid: 'u7' });
  });

  it('erasing links also drops the secret: new links are keyed under a new one', async () => {
    await setLink(order, { id: 7, uuid: 'u7', nickname: '민지' });
    const before = await exportLinks();
    await eraseLinks();
    expect(await getLink(order)).toBeNull();
    const after = await exportLinks();
    expect(after.links).toEqual({});
    expect(after.secret).not.toBe(before.secret);
  });
});
