import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { BUILT_IN_TEMPLATES, TemplateSchema, type Template } from '@/utils/shared/templates';
import { TEMPLATES } from '@/utils/shared/storage-keys';

// The operator's own templates (built-ins are fixed; "copy and edit" makes an own one). Validated on read.
const item = storage.defineItem<unknown>(TEMPLATES.key, { fallback: [], version: TEMPLATES.version });

async function own(): Promise<Template[]> {
  const parsed = z.array(z.unknown()).safeParse(await item.getValue());
  if (!parsed.success) return [];
  return parsed.data.flatMap((t) => {
    const r = TemplateSchema.safeParse(t);
    return r.success ? [{ ...r.data, builtIn: false }] : [];
  });
}

export async function listTemplates(): Promise<Template[]> {
  return [...BUILT_IN_TEMPLATES, ...(await own())];
}

export async function findTemplate(id: string): Promise<Template | undefined> {
  return (await listTemplates()).find((t) => t.id === id);
}

export async function saveTemplate(input: Template): Promise<Template> {
  if (BUILT_IN_TEMPLATES.some((t) => t.id === input.id)) {
    throw Object.assign(new Error('built-in'), {
      code: 'built-in',
      ko: '기본 템플릿은 바꿀 수 없어요. 복사해서 고쳐 주세요.',
      en: 'Built-in templates cannot be changed; copy one to edit it.',
    });
  }
  const template = TemplateSchema.parse({ ...input, builtIn: false });
  const list = await own();
  const i = list.findIndex((t) => t.id === template.id);
  if (i >= 0) list[i] = template;
  else list.push(template);
  if (list.length > 50)
    throw Object.assign(new Error('too many'), {
      code: 'too-many',
      ko: '템플릿은 50개까지 만들 수 있어요.',
      en: 'Up to 50 templates.',
    });
  await item.setValue(list);
  return template;
}

export async function deleteTemplate(id: string): Promise<void> {
  await item.setValue((await own()).filter((t) => t.id !== id));
}

export const MAX_OWN_TEMPLATES = 50;

/** The operator's own templates, for a backup (built-ins are not theirs to keep). */
export function exportTemplates(): Promise<Template[]> {
  return own();
}

/**
 * A backup's templates checked as a save checks them: what would be kept, and how many were left out for
 * each reason (not a template, a built-in's id, an id twice, more than 50). Writes nothing: the backup
 * import writes them with its other parts (utils/background/backup/contents.ts).
 */
export function checkTemplates(values: unknown[]): {
  templates: Template[];
  invalid: number;
  builtIn: number;
  duplicate: number;
  tooMany: number;
} {
  const out = { templates: [] as Template[], invalid: 0, builtIn: 0, duplicate: 0, tooMany: 0 };
  for (const value of values) {
    const parsed = TemplateSchema.safeParse(value);
    if (!parsed.success) out.invalid++;
    else if (BUILT_IN_TEMPLATES.some((t) => t.id === parsed.data.id)) out.builtIn++;
    else if (out.templates.some((t) => t.id === parsed.data.id)) out.duplicate++;
    else if (out.templates.length >= MAX_OWN_TEMPLATES) out.tooMany++;
    else out.templates.push({ ...parsed.data, builtIn: false });
  }
  return out;
}
