// Delivery results of a sent group, read from its stored messages (/work/shared/reference/solapi.md §4.2, §4.3).
// SOLAPI gives no time to final (§4.3: UNCONFIRMED), so callers poll with a growing delay.
import type { SolapiService } from './service';
import { classifyStatus, type StatusOutcome } from './status-codes';

export interface DeliveryState {
  statusCode: string;
  outcome: StatusOutcome;
  final: boolean;
  smsFallback: boolean;
  messageId: string;
  ko: string;
  en: string;
}

/** recordId → delivery state; records SOLAPI does not list (yet) are absent. */
export async function deliveryReport(service: SolapiService, groupId: string): Promise<Map<string, DeliveryState>> {
  const report = new Map<string, DeliveryState>();
  for (const m of await service.groupMessages(groupId)) {
    const recordId = m.customFields?.recordId;
    if (!recordId || !m.statusCode) continue;
    report.set(recordId, {
      statusCode: m.statusCode,
      messageId: m.messageId,
      ...classifyStatus(m.statusCode, m.replacement),
    });
  }
  return report;
}

const POLL_DELAYS_MS = [5_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000];
export const MAX_POLL_DELAY_MS = 900_000;

/** Delay before poll number `attempt` (0-based): 5 s, 15 s, 30 s, 1 min, 2 min, 5 min, 10 min, then 15 min. */
export function nextPollDelay(attempt: number): number {
  if (!Number.isFinite(attempt) || attempt < 0) return POLL_DELAYS_MS[0]!;
  return POLL_DELAYS_MS[Math.floor(attempt)] ?? MAX_POLL_DELAY_MS;
}
