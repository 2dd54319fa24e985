import { describe, expect, it } from 'vitest';
import { openBackup, sealBackup, EnvelopeSchema } from '@/utils/background/backup/envelope';
import { BACKUP_MAX_FILE_CHARS } from '@/utils/shared/backup';

describe('backup envelope', () => {
  it('a two-year history (73,000 records) fits the import cap once compressed and encrypted', async () => {
    const history = Array.from({ length: 73_000 }, (_, i) => ({
      id: crypto.randomUUID(),
      createdAt: 1_764_000_000_000 + i * 60_000,
      completedAt: 1_764_000_000_900 + i * 60_000,
      store: 'smartstore',
      orderNo: `2026112498${i.toString().padStart(6, '0')}`,
      productOrderNo: `2026112412${i.toString().padStart(6, '0')}`,
      recipientNickname: '김하늘',
      templateId: 'shipped',
      templateName: '발송 완료 알림',
      status: 'sent',
      requestId: crypto.randomUUID(),
      friendId: 1000 + (i % 300),
    }));
    const plain = JSON.stringify({ history });
    const file = await sealBackup(plain, 'passphrase 123');
    expect(plain.length).toBeGreaterThan(BACKUP_MAX_FILE_CHARS / 2);
    expect(file.length).toBeLessThan(BACKUP_MAX_FILE_CHARS / 4);
    expect(await openBackup(EnvelopeSchema.parse(JSON.parse(file)), 'passphrase 123')).toBe(plain);
  }, 60_000);
});
