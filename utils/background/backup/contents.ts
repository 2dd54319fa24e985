import { browser } from 'wxt/browser';
import { z } from 'zod';
import { SettingsSchema } from '@/utils/shared/settings-schema';
import { HistoryRecordSchema, ReviewProgressSchema, type ReviewProgress } from '@/utils/shared/wire';
import type { Template } from '@/utils/shared/templates';
import {
  BACKUP_MAX_RECORDS,
  type BackupNote,
  type BackupPart,
  type BackupPreview,
  type PartCount,
} from '@/utils/shared/backup';
import { REVIEW_PROGRESS, SETTINGS, TEMPLATES, areaKey, type StoredKey } from '@/utils/shared/storage-keys';
import { getSettings } from '@/utils/background/storage/settings-store';
import { LinkSchema, exportLinks, linksFromV1, restoreLinks, type LinksPart } from '@/utils/background/storage/links';
import { exportHistory, importHistory } from '@/utils/background/storage/history';
import { getReviewProgress, reviewSteps } from '@/utils/background/storage/review-progress';
import { checkTemplates, exportTemplates } from '@/utils/background/storage/template-store';
import { SaltSchema, SecretSchema } from '@/utils/background/storage/customer-key';

// What a backup holds and how an import restores it. Settings, links (with the key material their keys are
// derived with), the operator's own templates and the review progress are replaced by the file's; history
// is merged, since a kept record is what stops a second send (nothing kept is removed). Every item is checked
// on its own, so a bad one is counted and left out with its reason instead of failing the file, and nothing
// is written until the whole file has been read.

const FORMAT = 'ordertalk-backup';
const looseRecord = z.record(z.string(), z.unknown());

/** Version 2 contents (inside the encrypted envelope). */
export const ContentsSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(2),
  exportedAt: z.number(),
  settings: SettingsSchema,
  templates: z.array(z.unknown()).max(1000),
  reviewProgress: z.unknown(),
  links: z.object({ salt: SaltSchema, secret: SecretSchema, links: looseRecord }),
  history: z.array(z.unknown()).max(BACKUP_MAX_RECORDS),
});
export type Contents = z.infer<typeof ContentsSchema>;

/** Release 1's plain backup: no templates; links under its salt alone; the checklist in its last version. */
export const PlainV1Schema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  exportedAt: z.number(),
  settings: SettingsSchema,
  links: z.object({
    format: z.literal('ordertalk-links'),
    version: z.literal(1),
    salt: SaltSchema,
    links: looseRecord,
  }),
  history: z.array(z.unknown()).max(BACKUP_MAX_RECORDS),
  checklist: z.unknown().optional(),
});

/** The history record as history.ts keeps it (its own schema plus the send's request id and friend). */
const RecordSchema = HistoryRecordSchema.extend({
  requestId: z.string().optional(),
  friendId: z.number().nullable().optional(),
});

export async function collectContents(now = Date.now()): Promise<Contents> {
  const [settings, templates, reviewProgress, links, history] = await Promise.all([
    getSettings(),
    exportTemplates(),
    getReviewProgress(),
    exportLinks(),
    exportHistory(),
  ]);
  return { format: FORMAT, version: 2, exportedAt: now, settings, templates, reviewProgress, links, history };
}

function invalidFile(detail: string) {
  return Object.assign(new Error('invalid backup'), {
    code: 'invalid-file',
    ko: `백업 파일이 올바르지 않아요: ${detail}`,
    en: `Invalid backup file: ${detail}`,
  });
}

function where(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(file)'} — ${issue.message}` : 'format';
}

/** The storage.local entries of one WXT item with its version, as WXT keeps them (`<key>$`: `{ v }`). */
function entry(item: StoredKey, value: unknown): Record<string, unknown> {
  const name = areaKey(item.key as `local:${string}`);
  return { [name]: value, [`${name}$`]: { v: item.version } };
}
const LOCAL_ITEMS = [SETTINGS, TEMPLATES, REVIEW_PROGRESS];

export interface ImportPlan {
  preview: BackupPreview;
  /** Writes it all, or (when a write fails) puts back what was there and throws. */
  apply(): Promise<BackupPreview>;
}

/** Reads a backup's contents (version 2, or release 1's plain file) into what an import would do. */
export async function planImport(raw: unknown, encrypted: boolean): Promise<ImportPlan> {
  const version = (raw as { version?: unknown } | null)?.version;
  const notes: BackupNote[] = [];
  const note = (part: BackupPart, code: BackupNote['code'], count: number, ko: string, en: string) => {
    if (count > 0) notes.push({ part, code, count, ko, en });
  };

  let file: {
    exportedAt: number;
    settings: z.infer<typeof SettingsSchema>;
    templates: unknown[] | null;
    reviewProgress: unknown;
    links: { salt: string; secret: string | null; links: Record<string, unknown> };
    history: unknown[];
  };
  if (version === 1 && !encrypted) {
    const v1 = PlainV1Schema.safeParse(raw);
    if (!v1.success) throw invalidFile(where(v1.error));
    file = {
      ...v1.data,
      templates: null,
      reviewProgress: v1.data.checklist ?? null,
      links: { salt: v1.data.links.salt, secret: null, links: v1.data.links.links },
    };
  } else {
    const v2 = ContentsSchema.safeParse(raw);
    if (!v2.success) throw invalidFile(where(v2.error));
    file = v2.data;
  }

  // Links: each entry checked; release 1's keys (salted hash only) rekeyed under a new secret.
  const links: Record<string, z.infer<typeof LinkSchema>> = {};
  let badLinks = 0;
  for (const [key, value] of Object.entries(file.links.links)) {
    const link = LinkSchema.safeParse(value);
    if (link.success && /^[0-9a-f]{64}$/.test(key)) links[key] = link.data;
    else badLinks++;
  }
  note(
    'links',
    'invalid',
    badLinks,
    `고객 연결 ${badLinks}건은 형식이 맞지 않아 가져오지 않았어요.`,
    `${badLinks} customer links were not imported: they are not in the expected format.`,
  );
  const linksPart: LinksPart = file.links.secret
    ? { salt: file.links.salt, secret: file.links.secret, links }
    : await linksFromV1({ format: 'ordertalk-links', version: 1, salt: file.links.salt, links });

  // Templates: checked as a save checks them.
  let templates: Template[] | null = null;
  if (file.templates) {
    const checked = checkTemplates(file.templates);
    templates = checked.templates;
    note(
      'templates',
      'invalid',
      checked.invalid,
      `템플릿 ${checked.invalid}개는 형식이 맞지 않아 가져오지 않았어요.`,
      `${checked.invalid} templates were not imported: they are not in the expected format.`,
    );
    note(
      'templates',
      'built-in',
      checked.builtIn,
      `템플릿 ${checked.builtIn}개는 기본 템플릿과 ID가 같아 가져오지 않았어요.`,
      `${checked.builtIn} templates were not imported: they have a built-in template's id.`,
    );
    note(
      'templates',
      'duplicate',
      checked.duplicate,
      `템플릿 ${checked.duplicate}개는 파일 안에 같은 ID로 두 번 들어 있어 처음 것만 가져와요.`,
      `${checked.duplicate} templates share an id with an earlier one in the file; only the first is imported.`,
    );
    note(
      'templates',
      'too-many',
      checked.tooMany,
      `템플릿은 50개까지라 ${checked.tooMany}개는 가져오지 않았어요.`,
      `Up to 50 templates: ${checked.tooMany} were not imported.`,
    );
  }

  // Review progress: kept as it is when the file has none or an unreadable one.
  let reviewProgress: ReviewProgress | null = null;
  if (file.reviewProgress !== null && file.reviewProgress !== undefined) {
    const parsed = ReviewProgressSchema.safeParse(file.reviewProgress);
    if (parsed.success) reviewProgress = parsed.data;
    else
      note(
        'reviewProgress',
        'invalid',
        1,
        '검토 진행 상황은 형식이 맞지 않아 가져오지 않고 지금 것을 그대로 둬요.',
        'The review progress is not in the expected format; the current one is kept.',
      );
  }

  // History: merged. Each record checked; one already kept here stays as it is.
  const [currentRecords, currentSettings, currentTemplates, currentProgress, currentLinks] = await Promise.all([
    exportHistory(),
    getSettings(),
    exportTemplates(),
    getReviewProgress(),
    exportLinks(),
  ]);
  const kept = new Set(currentRecords.map((r) => r.id));
  const seen = new Set<string>();
  const fresh: z.infer<typeof RecordSchema>[] = [];
  let invalid = 0;
  let firstInvalid = '';
  let duplicate = 0;
  let already = 0;
  for (const [i, value] of file.history.entries()) {
    const parsed = RecordSchema.safeParse(value);
    if (!parsed.success) {
      if (invalid++ === 0) firstInvalid = `#${i + 1}: ${parsed.error.issues[0]?.path.join('.') || '(record)'}`;
    } else if (seen.has(parsed.data.id)) duplicate++;
    else {
      seen.add(parsed.data.id);
      if (kept.has(parsed.data.id)) already++;
      else fresh.push(parsed.data);
    }
  }
  const pending = fresh.filter((r) => r.status === 'pending').length;
  note(
    'history',
    'invalid',
    invalid,
    `기록 ${invalid}건은 형식이 맞지 않아 가져오지 않았어요 (첫 번째: ${firstInvalid}).`,
    `${invalid} history records were not imported: they are not in the expected format (first: ${firstInvalid}).`,
  );
  note(
    'history',
    'duplicate',
    duplicate,
    `기록 ${duplicate}건은 파일 안에 두 번 들어 있어 한 번만 가져와요.`,
    `${duplicate} history records appear twice in the file; each is imported once.`,
  );
  note(
    'history',
    'already-kept',
    already,
    `기록 ${already}건은 이미 이 브라우저에 있어 그대로 둬요.`,
    `${already} history records are already kept here and stay as they are.`,
  );
  note(
    'history',
    'pending-to-unknown',
    pending,
    `보내는 중이던 기록 ${pending}건은 '결과 확인 필요'로 가져와요. 다시 보내기 전에 도착했는지 확인해 주세요.`,
    `${pending} records were still sending when backed up; they come in as "check result": check whether they arrived before sending again.`,
  );

  const changed = (Object.keys(SettingsSchema.shape) as (keyof typeof currentSettings)[]).filter(
    (k) => JSON.stringify(currentSettings[k]) !== JSON.stringify(file.settings[k]),
  ).length;
  const currentLinkCount = Object.keys(currentLinks.links).length;
  const incomingLinks = Object.keys(linksPart.links).length;
  const parts: PartCount[] = [
    { part: 'settings', current: 1, incoming: 1, after: 1, action: 'replace', changed },
    { part: 'links', current: currentLinkCount, incoming: incomingLinks, after: incomingLinks, action: 'replace' },
    templates
      ? {
          part: 'templates',
          current: currentTemplates.length,
          incoming: templates.length,
          after: templates.length,
          action: 'replace',
        }
      : {
          part: 'templates',
          current: currentTemplates.length,
          incoming: 0,
          after: currentTemplates.length,
          action: 'keep',
        },
    reviewProgress
      ? {
          part: 'reviewProgress',
          current: reviewSteps(currentProgress),
          incoming: reviewSteps(reviewProgress),
          after: reviewSteps(reviewProgress),
          action: 'replace',
        }
      : {
          part: 'reviewProgress',
          current: reviewSteps(currentProgress),
          incoming: 0,
          after: reviewSteps(currentProgress),
          action: 'keep',
        },
    {
      part: 'history',
      current: kept.size,
      incoming: seen.size,
      after: kept.size + fresh.length,
      action: 'merge',
    },
  ];
  const preview: BackupPreview = { exportedAt: file.exportedAt, encrypted, parts, notes };

  const local = {
    ...entry(SETTINGS, file.settings),
    ...(templates && entry(TEMPLATES, templates)),
    ...(reviewProgress && entry(REVIEW_PROGRESS, reviewProgress)),
  };

  return {
    preview,
    async apply() {
      const localKeys = LOCAL_ITEMS.flatMap((item) => {
        const name = areaKey(item.key as `local:${string}`);
        return [name, `${name}$`];
      });
      const before = { links: currentLinks, local: await browser.storage.local.get(localKeys) };
      let step = 0;
      try {
        // Each step is one transaction or one storage write; history, the only merge, goes last.
        await restoreLinks(linksPart);
        step = 1;
        await browser.storage.local.set(local);
        step = 2;
        const added = await importHistory(fresh, true);
        // Anything history.ts itself refused is counted as not in the expected format.
        if (added < fresh.length) {
          const refused = fresh.length - added;
          const history = preview.parts.find((p) => p.part === 'history')!;
          history.after -= refused;
          notes.push({
            part: 'history',
            code: 'invalid',
            count: refused,
            ko: `기록 ${refused}건은 보낸 기록으로 받아들여지지 않아 가져오지 않았어요.`,
            en: `${refused} history records were refused by the history store and not imported.`,
          });
        }
        return preview;
      } catch (error) {
        if (step >= 2) {
          await browser.storage.local.remove(localKeys);
          await browser.storage.local.set(before.local);
        }
        if (step >= 1) await restoreLinks(before.links);
        throw Object.assign(new Error('import failed'), {
          code: 'import-failed',
          ko: '가져오는 중 저장에 실패해서 가져오기 전 상태로 되돌렸어요. 아무것도 바뀌지 않았어요.',
          en: 'Saving failed while importing, so everything was put back as it was. Nothing was changed.',
          fixKo: '다시 시도해 주세요. 계속되면 브라우저 저장 공간을 확인해 주세요.',
          fixEn: "Try again; if it keeps failing, check the browser's free storage.",
          cause: error,
        });
      }
    },
  };
}
