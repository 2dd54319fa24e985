// Sending AlimTalk as one SOLAPI group, exactly once (/work/shared/reference/solapi.md §3.3): the groupId is
// journaled before anything irreversible, and a send whose answer is lost is resolved by looking the group up —
// PENDING means provably unsent, SENDING/COMPLETE/FAILED means sent. A group is never sent twice by SOLAPI.
import { z } from 'zod';
import { SolapiError, explainError } from './errors';
import { openJobs, putJob, updateJob, type GroupJob } from './group-journal';
import { AtaMessageSchema } from './schemas';
import type { AddResult, AtaMessage, SolapiGroup, SolapiService } from './service';
import { classifyStatus, isAccepted } from './status-codes';

export interface GroupOutcome {
  recordId: string;
  status: 'sent' | 'failed' | 'unknown';
  messageId?: string;
  statusCode?: string;
  error?: { code: string; ko: string; en: string };
}

export type CrashPoint = 'before-create' | 'after-create' | 'after-add' | 'after-send';

/** Thrown by the crash hook: the test stands in for a killed worker. */
export class SimulatedCrash extends Error {
  constructor(readonly point: CrashPoint) {
    super(`simulated crash at ${point}`);
    this.name = 'SimulatedCrash';
  }
}

/** Jobs this worker is running now; recovery leaves them alone. */
const inFlight = new Set<string>();

const SENT_STATUSES = new Set(['SENDING', 'COMPLETE', 'FAILED', 'SCHEDULED']);
const UNSENT_STATUSES = new Set(['PENDING', 'DELETED']);

function errorOf(code: string, ko?: string, en?: string): NonNullable<GroupOutcome['error']> {
  const text = explainError(code);
  return { code, ko: ko ?? text.ko, en: en ?? text.en };
}
const fromSolapiError = (e: SolapiError) => ({ code: e.code, ko: e.ko, en: e.en });

const failedAll = (recordIds: string[], error: GroupOutcome['error']): GroupOutcome[] =>
  recordIds.map((recordId) => ({ recordId, status: 'failed', error }));
const unknownAll = (recordIds: string[], error: GroupOutcome['error']): GroupOutcome[] =>
  recordIds.map((recordId) => ({ recordId, status: 'unknown', error }));

/** Registration code per message from the add answer: by echoed recordId, else by request order. */
function matchResults(messages: AtaMessage[], results: AddResult[]): (AddResult | undefined)[] {
  const byRecord = new Map(results.flatMap((r) => (r.customFields?.recordId ? [[r.customFields.recordId, r]] : [])));
  if (results.length > 0 && byRecord.size === results.length)
    return messages.map((m) => byRecord.get(m.customFields.recordId));
  // SOLAPI's resultList does not echo customFields (reference §3.3) and answers in request order.
  if (results.length === messages.length && results.every((r, i) => r.to === messages[i]!.to)) return results;
  return messages.map(() => undefined);
}

/** The group's own list, when the add answer cannot be matched: the group is still PENDING, so it is exact. */
async function registeredFromGroup(service: SolapiService, groupId: string, messages: AtaMessage[]) {
  const stored = await service.groupMessages(groupId);
  const byRecord = new Map(stored.flatMap((m) => (m.customFields?.recordId ? [[m.customFields.recordId, m]] : [])));
  return messages.map((m): AddResult | undefined => {
    const found = byRecord.get(m.customFields.recordId);
    return found && { to: found.to ?? m.to, messageId: found.messageId, statusCode: found.statusCode };
  });
}

/** What the group status says, or why it could not be read. */
type LookUp = { state: 'sent' | 'unsent' } | { state: 'unreadable'; error: SolapiError };

async function lookUp(service: SolapiService, groupId: string): Promise<LookUp> {
  try {
    const g = await service.getGroup(groupId);
    if (SENT_STATUSES.has(g.status)) return { state: 'sent' };
    if (UNSENT_STATUSES.has(g.status)) return { state: 'unsent' };
    // A status we do not know cannot be read as either.
    return { state: 'unreadable', error: new SolapiError('invalid-response', 'unknown') };
  } catch (error) {
    if (!(error instanceof SolapiError)) throw error;
    return { state: 'unreadable', error };
  }
}

type SendResult =
  | { state: 'sent'; group?: SolapiGroup }
  | { state: 'not-sent'; error: SolapiError }
  | { state: 'unknown'; error: SolapiError };

/** sendGroup, and when its answer proves nothing, getGroup first; one more send only if provably unsent. */
async function sendOnce(service: SolapiService, groupId: string): Promise<SendResult> {
  let lastError: SolapiError | undefined;
  for (let tries = 0; tries < 2; tries++) {
    try {
      return { state: 'sent', group: await service.sendGroup(groupId) };
    } catch (error) {
      if (!(error instanceof SolapiError)) throw error;
      lastError = error;
    }
    const found = await lookUp(service, groupId);
    if (found.state === 'sent') return { state: 'sent' };
    // The send's own error says more than the look-up's (it is the one whose outcome is unknown).
    if (found.state === 'unreadable') return { state: 'unknown', error: lastError };
    // PENDING: this send did not happen. A refusal with a reason (e.g. low balance) is final.
    if (lastError.processed === 'no') return { state: 'not-sent', error: lastError };
  }
  // Still PENDING after a second unanswered send: leave it to recovery rather than guess.
  return { state: 'unknown', error: lastError! };
}

/**
 * Sends the messages as one group. Each message carries customFields.recordId (unique); outcomes come back per
 * recordId. 'sent' = accepted by SOLAPI (2000/3000); delivery is read later (delivery.ts).
 */
export async function sendAsGroup(
  service: SolapiService,
  messages: AtaMessage[],
  hooks: { crashAt?: CrashPoint; now?: () => number } = {},
): Promise<{ groupId?: string; outcomes: GroupOutcome[]; group?: SolapiGroup }> {
  // Validated before anything is journaled: a message SOLAPI cannot take fails here, sending nothing.
  z.array(AtaMessageSchema).parse(messages);
  const recordIds = messages.map((m) => m.customFields.recordId);
  if (new Set(recordIds).size !== recordIds.length) throw new Error('sendAsGroup: recordIds must be unique');
  if (messages.length === 0) return { outcomes: [] };
  const now = hooks.now ?? Date.now;
  const crash = (p: CrashPoint) => {
    if (hooks.crashAt === p) throw new SimulatedCrash(p);
  };
  const t0 = now();
  let job: GroupJob = { jobId: crypto.randomUUID(), stage: 'creating', recordIds, createdAt: t0, updatedAt: t0 };
  inFlight.add(job.jobId);
  try {
    job = await putJob(job, t0);
    crash('before-create');
    let groupId: string;
    try {
      ({ groupId } = await service.createGroup());
    } catch (error) {
      // Whatever happened, no message was in a group: nothing can have been sent.
      if (!(error instanceof SolapiError)) throw error;
      await updateJob(job, { stage: 'not-sent' }, now());
      return { outcomes: failedAll(recordIds, fromSolapiError(error)) };
    }
    job = await updateJob(job, { stage: 'created', groupId }, now());
    crash('after-create');

    let results: AddResult[];
    try {
      results = await service.addMessages(groupId, messages);
    } catch (error) {
      // Maybe added, but the group is never sent: still nothing sent.
      if (!(error instanceof SolapiError)) throw error;
      await updateJob(job, { stage: 'not-sent' }, now());
      return { groupId, outcomes: failedAll(recordIds, fromSolapiError(error)) };
    }
    let matched = matchResults(messages, results);
    if (matched.some((r) => r === undefined)) {
      try {
        matched = await registeredFromGroup(service, groupId, messages);
      } catch (error) {
        // Which messages are in the group is unclear: do not send it at all.
        if (!(error instanceof SolapiError)) throw error;
        await updateJob(job, { stage: 'not-sent' }, now());
        return { groupId, outcomes: failedAll(recordIds, fromSolapiError(error)) };
      }
    }
    if (matched.some((r) => r === undefined)) {
      // A message we cannot account for might still be sent with the group: send none rather than guess.
      await updateJob(job, { stage: 'not-sent' }, now());
      return { groupId, outcomes: failedAll(recordIds, errorOf('FailedToAddMessage')) };
    }
    const outcomes: GroupOutcome[] = messages.map((m, i) => {
      const r = matched[i];
      const recordId = m.customFields.recordId;
      if (isAccepted(r!.statusCode))
        return { recordId, status: 'sent', messageId: r!.messageId, statusCode: r!.statusCode };
      const s = classifyStatus(r!.statusCode, false);
      return {
        recordId,
        status: 'failed',
        messageId: r!.messageId,
        statusCode: r!.statusCode,
        error: errorOf(r!.statusCode, s.ko, s.en),
      };
    });
    if (!outcomes.some((o) => o.status === 'sent')) {
      await updateJob(job, { stage: 'not-sent' }, now());
      return { groupId, outcomes };
    }
    job = await updateJob(job, { stage: 'added' }, now());
    crash('after-add');

    job = await updateJob(job, { stage: 'send-requested' }, now());
    const sent = await sendOnce(service, groupId);
    crash('after-send');
    if (sent.state === 'sent') {
      await updateJob(job, { stage: 'sent' }, now());
      return { groupId, outcomes, group: sent.group };
    }
    const accepted = (o: GroupOutcome) => o.status === 'sent';
    if (sent.state === 'not-sent') {
      await updateJob(job, { stage: 'not-sent' }, now());
      const err = fromSolapiError(sent.error);
      return { groupId, outcomes: outcomes.map((o) => (accepted(o) ? { ...o, status: 'failed', error: err } : o)) };
    }
    // Unknown: the job stays 'send-requested'; recoverGroupJobs asks SOLAPI later.
    const err = fromSolapiError(sent.error);
    return { groupId, outcomes: outcomes.map((o) => (accepted(o) ? { ...o, status: 'unknown', error: err } : o)) };
  } finally {
    inFlight.delete(job.jobId);
  }
}

/** Per-record outcome of a group SOLAPI says was sent, from its stored messages (customFields.recordId). */
async function sentOutcomes(service: SolapiService, job: GroupJob): Promise<GroupOutcome[] | SolapiError> {
  let stored;
  try {
    stored = await service.groupMessages(job.groupId!);
  } catch (error) {
    if (!(error instanceof SolapiError)) throw error;
    return error;
  }
  const byRecord = new Map(stored.flatMap((m) => (m.customFields?.recordId ? [[m.customFields.recordId, m]] : [])));
  return job.recordIds.map((recordId): GroupOutcome => {
    const m = byRecord.get(recordId);
    // Not listed (yet): SOLAPI's lookups are eventually consistent (reference §4.3); ask again next time.
    if (!m) return { recordId, status: 'unknown', error: errorOf('not-listed') };
    // 1xxx = refused at registration: never handed over. Anything else was sent; delivery.ts reads the rest.
    if (m.statusCode.startsWith('1')) {
      const s = classifyStatus(m.statusCode, m.replacement);
      return {
        recordId,
        status: 'failed',
        messageId: m.messageId,
        statusCode: m.statusCode,
        error: errorOf(m.statusCode, s.ko, s.en),
      };
    }
    return { recordId, status: 'sent', messageId: m.messageId, statusCode: m.statusCode };
  });
}

/**
 * Run at worker start. Jobs stopped before the send request are never sent (the operator's click is stale);
 * jobs stopped after it are resolved by asking SOLAPI. Unresolved jobs stay open for the next run.
 */
export async function recoverGroupJobs(service: SolapiService, now: () => number = Date.now): Promise<GroupOutcome[]> {
  const outcomes: GroupOutcome[] = [];
  for (const job of await openJobs()) {
    if (inFlight.has(job.jobId)) continue;
    const interrupted = errorOf('interrupted');
    if (job.stage !== 'send-requested' || !job.groupId) {
      await updateJob(job, { stage: 'not-sent' }, now());
      outcomes.push(...failedAll(job.recordIds, interrupted));
      continue;
    }
    const found = await lookUp(service, job.groupId);
    if (found.state === 'unsent') {
      await updateJob(job, { stage: 'not-sent' }, now());
      outcomes.push(...failedAll(job.recordIds, interrupted));
      continue;
    }
    if (found.state === 'unreadable') {
      outcomes.push(...unknownAll(job.recordIds, fromSolapiError(found.error)));
      continue;
    }
    const resolved = await sentOutcomes(service, job);
    if (resolved instanceof SolapiError) {
      outcomes.push(...unknownAll(job.recordIds, fromSolapiError(resolved)));
      continue;
    }
    if (!resolved.some((o) => o.status === 'unknown')) await updateJob(job, { stage: 'sent' }, now());
    outcomes.push(...resolved);
  }
  return outcomes;
}
