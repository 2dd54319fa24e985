import { browser } from 'wxt/browser';
import type { Handlers } from '@/utils/background/server';
import { eraseLinks } from '@/utils/background/storage/links';
import { eraseHistory } from '@/utils/background/storage/history';
import { collectContents, planImport } from '@/utils/background/backup/contents';
import { EnvelopeSchema, openBackup, sealBackup } from '@/utils/background/backup/envelope';

function invalid(detail: string) {
  return Object.assign(new Error('invalid backup'), {
    code: 'invalid-file',
    ko: `백업 파일이 올바르지 않아요: ${detail}`,
    en: `Invalid backup file: ${detail}`,
  });
}

/** The file's contents: decrypted (an encrypted backup) or as they are (release 1's plain JSON). */
async function readFile(text: string, passphrase: string | undefined): Promise<{ raw: unknown; encrypted: boolean }> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalid('JSON');
  }
  if ((raw as { version?: unknown } | null)?.version === 1) return { raw, encrypted: false };
  const envelope = EnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    throw invalid(issue ? `${issue.path.join('.') || '(file)'} — ${issue.message}` : 'format');
  }
  if (!passphrase)
    throw Object.assign(new Error('passphrase needed'), {
      code: 'passphrase-needed',
      ko: '암호로 잠긴 백업이에요. 내보낼 때 정한 암호를 입력해 주세요.',
      en: 'This backup is encrypted: enter the passphrase chosen when it was exported.',
    });
  const plain = await openBackup(envelope.data, passphrase);
  try {
    return { raw: JSON.parse(plain), encrypted: true };
  } catch {
    throw invalid('JSON');
  }
}

/** data.*: the operator's encrypted backup file, and erasing everything. */
export function createDataHandlers(): Handlers {
  return {
    'data.export': async ({ passphrase }) => {
      // Never tokens or the client secret: the contents are settings, links, own templates, review progress
      // and history (backup/contents.ts); the links' key material only ever inside this encryption.
      return { file: await sealBackup(JSON.stringify(await collectContents()), passphrase) };
    },
    'data.import': async ({ file, passphrase, apply }) => {
      const { raw, encrypted } = await readFile(file, passphrase);
      const plan = await planImport(raw, encrypted);
      return apply ? { preview: await plan.apply(), applied: true } : { preview: plan.preview, applied: false };
    },
    'data.erase': async () => {
      await browser.storage.local.clear();
      await browser.storage.session.clear();
      // History and links live in IndexedDB, which clearing storage does not reach.
      await Promise.all([eraseHistory(), eraseLinks()]);
      return { ok: true };
    },
  };
}
