// The group-send journal: each job's stage is written BEFORE the step it names can have an effect, so a worker
// killed mid-send can tell afterwards what may have happened (product rule 4). It holds ids only — no phone
// numbers, no message text.
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { SOLAPI_GROUP_JOBS } from '@/utils/shared/storage-keys';

export const GROUP_JOBS_KEY = SOLAPI_GROUP_JOBS.key;

export const GroupStageSchema = z.enum(['creating', 'created', 'added', 'send-requested', 'sent', 'not-sent']);
export type GroupStage = z.infer<typeof GroupStageSchema>;

export const GroupJobSchema = z.object({
  jobId: z.string().min(1),
  stage: GroupStageSchema,
  groupId: z.string().min(1).optional(),
  recordIds: z.array(z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type GroupJob = z.infer<typeof GroupJobSchema>;

/** Finished jobs are kept this long (for a look-up by groupId), then dropped on the next write. */
export const FINISHED_JOB_TTL_MS = 7 * 24 * 3600_000;

const item = storage.defineItem<unknown>(GROUP_JOBS_KEY, { fallback: [] });

/** The valid jobs; an entry that does not parse is skipped (it cannot be acted on safely). */
export async function readJobs(): Promise<GroupJob[]> {
  const raw = await item.getValue();
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    const parsed = GroupJobSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

// Writes are serialised so two jobs updating at once do not overwrite each other's entry.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

const finished = (s: GroupStage) => s === 'sent' || s === 'not-sent';

/** Inserts or replaces a job (by jobId); returns it as stored. */
export function putJob(job: GroupJob, now = Date.now()): Promise<GroupJob> {
  return serial(async () => {
    const valid = GroupJobSchema.parse(job);
    const others = (await readJobs()).filter(
      (j) => j.jobId !== valid.jobId && !(finished(j.stage) && now - j.updatedAt > FINISHED_JOB_TTL_MS),
    );
    await item.setValue([...others, valid]);
    return valid;
  });
}

/** Moves a job on: `patch` is merged, updatedAt set. */
export async function updateJob(
  job: GroupJob,
  patch: Partial<Pick<GroupJob, 'stage' | 'groupId'>>,
  now = Date.now(),
): Promise<GroupJob> {
  return putJob({ ...job, ...patch, updatedAt: now }, now);
}

/** Jobs whose outcome is not settled yet. */
export async function openJobs(): Promise<GroupJob[]> {
  return (await readJobs()).filter((j) => !finished(j.stage));
}
