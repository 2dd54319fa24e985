import { z } from 'zod';

// The backup file's limits and what an import preview says, shared by the background (which reads and
// writes backups) and the options page (which shows the preview). Pure: no storage, no crypto.

/**
 * History records a backup may hold: the longest retention offered (730 days, components/history) at Kakao's
 * daily quota of 100 messages is 73,000; twice that leaves room for skipped and resent records.
 */
export const BACKUP_MAX_RECORDS = 150_000;
/**
 * The file as the options page passes it to the background (base64 of gzip-compressed, encrypted JSON): a
 * 73,000-record history is about 6 MB, from 25 MB of JSON (tests/unit/background/backup/envelope.test.ts).
 * Below Chrome's 64 MiB message limit.
 */
export const BACKUP_MAX_FILE_CHARS = 48_000_000;
/** The decompressed contents, so a crafted file cannot make the background inflate without end. */
export const BACKUP_MAX_PLAIN_BYTES = 256_000_000;
/** PBKDF2-SHA256 iterations for new backups (OWASP's 2023 figure); imports accept up to the upper bound. */
export const BACKUP_KDF_ITERATIONS = 600_000;
export const BACKUP_KDF_MAX_ITERATIONS = 10_000_000;
export const PASSPHRASE_MIN = 8;
export const PassphraseSchema = z.string().min(PASSPHRASE_MIN).max(256);

export const BackupPartSchema = z.enum(['settings', 'links', 'templates', 'reviewProgress', 'history']);
export type BackupPart = z.infer<typeof BackupPartSchema>;

const count = z.number().int().min(0);

/** One part: how much there is now, in the file, and after the import (changed: settings that differ). */
export const PartCountSchema = z.object({
  part: BackupPartSchema,
  current: count,
  incoming: count,
  after: count,
  /** What happens: replaced by the file's, merged (history: nothing kept is removed), or kept (not in the file). */
  action: z.enum(['replace', 'merge', 'keep']),
  changed: count.optional(),
});
export type PartCount = z.infer<typeof PartCountSchema>;

/** Something the import leaves out or changes, counted, with why. */
export const BackupNoteSchema = z.object({
  part: BackupPartSchema,
  code: z.enum(['invalid', 'duplicate', 'already-kept', 'pending-to-unknown', 'built-in', 'too-many', 'rekeyed']),
  count,
  ko: z.string(),
  en: z.string(),
});
export type BackupNote = z.infer<typeof BackupNoteSchema>;

export const BackupPreviewSchema = z.object({
  exportedAt: z.number().nullable(),
  /** False for a release 1 backup (plain JSON, before backups were encrypted). */
  encrypted: z.boolean(),
  parts: z.array(PartCountSchema),
  notes: z.array(BackupNoteSchema),
});
export type BackupPreview = z.infer<typeof BackupPreviewSchema>;
