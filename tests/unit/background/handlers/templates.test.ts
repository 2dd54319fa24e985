import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createTemplatesHandlers } from '@/utils/background/handlers/templates';
import { updateSettings } from '@/utils/background/storage/settings-store';
import { BUILT_IN_TEMPLATES, type Template } from '@/utils/shared/templates';
import { contentSender, order, send } from './support';

const own: Template = {
  id: 'own-1',
  name: '내 안내',
  layout: 'text',
  body: '{구매자명}님, {상품명} 곧 보내 드려요.',
  buttons: [],
  builtIn: false,
};
const ids = (reply: Awaited<ReturnType<typeof send>>) =>
  reply.ok ? (reply.value as { templates: Template[] }).templates.map((t) => t.id) : [];

describe('templates handlers', () => {
  beforeEach(() => fakeBrowser.reset());

  it('lists the built-ins with the operator’s own, saves and deletes an own one', async () => {
    const h = createTemplatesHandlers();
    const builtIns = BUILT_IN_TEMPLATES.map((t) => t.id);
    expect(ids(await send(h, 'templates.list', {}))).toEqual(builtIns);
    expect(await send(h, 'templates.save', { template: own })).toEqual({ ok: true, value: { ok: true } });
    expect(ids(await send(h, 'templates.list', {}))).toEqual([...builtIns, 'own-1']);
    expect(await send(h, 'templates.delete', { id: 'own-1' })).toEqual({ ok: true, value: { ok: true } });
    expect(ids(await send(h, 'templates.list', {}))).toEqual(builtIns);
  });

  it('refuses to overwrite a built-in', async () => {
    const h = createTemplatesHandlers();
    const builtIn = BUILT_IN_TEMPLATES[0]!;
    expect(await send(h, 'templates.save', { template: { ...builtIn, body: '바뀜' } })).toMatchObject({
      ok: false,
      error: { code: 'built-in' },
    });
    const list = await send(h, 'templates.list', {});
    expect(list.ok && (list.value as { templates: Template[] }).templates[0]!.body).toBe(builtIn.body);
  });

  it('previews on a sample order with the store’s name, or on the order given', async () => {
    const url = 'https://smartstore.naver.com/sky';
    await updateSettings((s) => ({
      ...s,
      store: { ...s.store, name: '하늘상점', url, linkDomains: ['smartstore.naver.com'] },
    }));
    const h = createTemplatesHandlers();
    const sample = await send(h, 'templates.preview', { template: BUILT_IN_TEMPLATES[0]! });
    expect(sample).toMatchObject({ ok: true, value: { missingVariables: [], problems: [] } });
    const text = sample.ok ? (sample.value as { preview: { text: string } }).preview.text : '';
    expect(text).toContain('하늘상점');
    expect(text).toContain('김민지'); // the sample buyer
    expect(sample.ok && (sample.value as { preview: { buttons: { url: string }[] } }).preview.buttons[0]!.url).toBe(
      url,
    );
    const given = await send(h, 'templates.preview', { template: own, order });
    expect(given.ok && (given.value as { preview: { text: string } }).preview.text).toBe(
      '김하늘님, 유기농 현미 5kg 곧 보내 드려요.',
    );
  });

  it('names a variable the order lacks', async () => {
    const h = createTemplatesHandlers();
    const shipped = BUILT_IN_TEMPLATES.find((t) => t.id === 'shipped')!;
    const reply = await send(h, 'templates.preview', { template: shipped, order });
    expect(reply.ok && (reply.value as { missingVariables: string[] }).missingVariables).toEqual(
      expect.arrayContaining(['택배사', '송장번호']),
    );
  });

  it('refuses content scripts and a template that fails the schema', async () => {
    const h = createTemplatesHandlers();
    expect(await send(h, 'templates.save', { template: own }, contentSender())).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await send(h, 'templates.save', { template: { ...own, name: '' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(ids(await send(h, 'templates.list', {}))).not.toContain('own-1');
  });
});

describe('templates the editor refuses, each with its reason', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await updateSettings((s) => ({ ...s, store: { ...s.store, linkDomains: ['smartstore.naver.com'] } }));
  });

  it('an unknown variable, listing the known ones', async () => {
    const h = createTemplatesHandlers();
    const reply = await send(h, 'templates.save', { template: { ...own, body: '{고객명}님, {송장번호}' } });
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'unknown-variable',
        ko: '없는 변수 {고객명}이 있어요. 쓸 수 있는 변수: {구매자명} {상품명} {주문번호} {택배사} {송장번호} {스토어명} {링크}',
      },
    });
    expect(ids(await send(h, 'templates.list', {}))).not.toContain('own-1');
    // The preview says the same, once.
    const preview = await send(h, 'templates.preview', { template: { ...own, body: '{고객명}님' } });
    const problems = preview.ok ? (preview.value as { problems: { code: string }[] }).problems : [];
    expect(problems.filter((p) => p.code === 'unknown-variable')).toHaveLength(1);
  });

  it.each([
    ['javascript:alert(1)', 'button-scheme', '"javascript:" 주소예요'],
    ['  JavaScript:void(0)', 'button-scheme', '"javascript:" 주소예요'],
    ['data:text/html,<b>hi</b>', 'button-scheme', '"data:" 주소예요'],
    ['http://smartstore.naver.com/haneul', 'button-https', 'https://로 시작해야 해요'],
    ['https://evil.example/haneul', 'button-domain', '(evil.example)가 등록한 링크 도메인 밖이라'],
  ])('a button link %s → %s', async (url, code, ko) => {
    const h = createTemplatesHandlers();
    const reply = await send(h, 'templates.save', { template: { ...own, buttons: [{ title: '보기', url }] } });
    expect(reply).toMatchObject({ ok: false, error: { code, ko: expect.stringContaining(ko) } });
  });

  it('https links on the link domains and {링크} save', async () => {
    const h = createTemplatesHandlers();
    const buttons = [
      { title: '주문 보기', url: 'https://m.smartstore.naver.com/haneul/orders/{주문번호}' },
      { title: '스토어', url: '{링크}' },
    ];
    expect(await send(h, 'templates.save', { template: { ...own, buttons } })).toEqual({
      ok: true,
      value: { ok: true },
    });
  });
});
