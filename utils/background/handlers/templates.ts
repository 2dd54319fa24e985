import type { Handlers } from '@/utils/background/server';
import { deleteTemplate, listTemplates, saveTemplate } from '@/utils/background/storage/template-store';
import { renderTemplate } from '@/utils/background/sending/render';
import { getSettings } from '@/utils/background/storage/settings-store';
import type { Order } from '@/utils/shared/order';

const SAMPLE_ORDER: Order = {
  store: 'smartstore',
  orderNo: '2026112490000001',
  productOrderNo: '2026112400000001',
  buyerName: '김민지',
  productName: '유기농 현미 5kg',
  courier: 'CJ대한통운',
  trackingNo: '612345678901',
};

/** templates.*: the message templates, and a preview rendered the way a send renders. */
export function createTemplatesHandlers(): Handlers {
  return {
    'templates.list': async () => ({ templates: await listTemplates() }),
    'templates.save': async ({ template }) => {
      await saveTemplate(template);
      return { ok: true };
    },
    'templates.delete': async ({ id }) => {
      await deleteTemplate(id);
      return { ok: true };
    },
    /** The same rendering a send uses, on a sample order unless one is given. */
    'templates.preview': async ({ template, order }) => {
      const s = await getSettings();
      const r = renderTemplate(template, order ?? SAMPLE_ORDER, {
        storeName: s.store.name || '우리 스토어',
        storeUrl: s.store.url,
        linkDomains: s.store.linkDomains,
      });
      return { preview: r.preview, missingVariables: r.missingVariables, problems: r.problems };
    },
  };
}
