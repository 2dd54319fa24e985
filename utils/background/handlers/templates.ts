import type { Handlers } from '@/utils/background/server';
import { deleteTemplate, listTemplates, saveTemplate } from '@/utils/background/storage/template-store';
import { renderTemplate } from '@/utils/background/sending/render';
import { getSettings } from '@/utils/background/storage/settings-store';
import type { Order } from '@/utils/shared/order';
import { templateProblems } from '@/utils/shared/templates';

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
    // Refused with every reason at once, each naming the field: unknown variables (with the known ones) and
    // button links that are not https or not on the registered link domains.
    'templates.save': async ({ template }) => {
      const problems = templateProblems(template, (await getSettings()).store.linkDomains);
      if (problems.length)
        throw Object.assign(new Error('template refused'), {
          code: problems[0]!.code,
          ko: problems.map((p) => p.ko).join('\n'),
          en: problems.map((p) => p.en).join('\n'),
        });
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
      // The editor's own refusals replace render's shorter unknown-variable and link-domain notes.
      const own = templateProblems(template, s.store.linkDomains);
      const rest = r.problems.filter(
        (p) =>
          !(
            p.code === 'unknown-variable' ||
            (p.code === 'link-domain' && own.some((o) => o.code.startsWith('button')))
          ),
      );
      return { preview: r.preview, missingVariables: r.missingVariables, problems: [...own, ...rest] };
    },
  };
}
