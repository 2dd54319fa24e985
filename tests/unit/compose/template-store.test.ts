import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { deleteTemplate, findTemplate, listTemplates, saveTemplate } from '@/utils/background/storage/template-store';
import { BUILT_IN_TEMPLATES } from '@/utils/shared/templates';

const own = {
  id: 'own-1',
  name: '휴무 안내',
  layout: 'text' as const,
  body: '{스토어명} 휴무',
  buttons: [],
  builtIn: false,
};

describe('template store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps built-ins fixed and the operator’s own templates editable', async () => {
    await saveTemplate(own);
    expect((await listTemplates()).map((t) => t.id)).toEqual([...BUILT_IN_TEMPLATES.map((t) => t.id), 'own-1']);
    await saveTemplate({ ...own, name: '휴무 안내 2' });
    expect((await findTemplate('own-1'))?.name).toBe('휴무 안내 2');
    await expect(saveTemplate({ ...BUILT_IN_TEMPLATES[0]!, body: 'x' })).rejects.toMatchObject({ code: 'built-in' });
    await deleteTemplate('own-1');
    expect(await findTemplate('own-1')).toBeUndefined();
  });

  it('rejects invalid templates and skips tampered stored ones', async () => {
    await expect(
      saveTemplate({ ...own, buttons: [1, 2, 3].map(() => ({ title: 'b', url: '{링크}' })) }),
    ).rejects.toThrow();
    await browser.storage.local.set({ templates: [{ id: 'bad' }, own] });
    expect((await listTemplates()).filter((t) => !t.builtIn).map((t) => t.id)).toEqual(['own-1']);
  });
});
