import { randomUUID } from "node:crypto";
import { z } from "zod";
import { batchJobId, type Job } from "@signpost/queue";
import { queues } from "../jobs/queues.ts";

/** Mails one job carries at most (claimed and sent four at a time). */
const mailsPerJob = 16;

/** A mail job's data: one mail, or a relay pass's mails together. */
export const ZMailJob = z.union([
  z.object({ ids: z.array(z.uuid()).min(1).max(mailsPerJob) }),
  z.object({ id: z.uuid() }),
]);

/**
 * The jobs that carry a relay pass's mails: up to sixteen each, one alone under its own job id.
 * A queue job costs about as much to enqueue and to take as sending a mail to a local server, so
 * a burst of acknowledgements pays it once per sixteen mails. The same rows give the same ids, so
 * a relay that enqueues them again after a crash adds nothing; any other grouping (a mail that
 * committed late, read into the middle of a group) is another job, and a mail in two jobs is sent
 * once, since each claims it before sending.
 */
export function mailJobsOf(rows: readonly { id: string; jobId: string }[]): Job[] {
  const jobs: Job[] = [];
  for (let i = 0; i < rows.length; i += mailsPerJob) {
    const group = rows.slice(i, i + mailsPerJob);
    const [first] = group;
    if (!first) break;
    jobs.push(
      group.length === 1
        ? { id: first.jobId, name: queues.mail, data: { id: first.id } }
        : {
            id: batchJobId(group.map((r) => r.jobId)),
            name: queues.mail,
            data: { ids: group.map((r) => r.id) },
          },
    );
  }
  return jobs;
}

/**
 * A mail's job of its own, when it goes back on the queue after a refusal: one id per attempt, so
 * a relay that queues it again adds nothing.
 */
export function retryJob(row: { id: string; revision: number; attempts: number }): Job {
  return {
    id: `${row.id}.${row.revision}.${row.attempts}`,
    name: queues.mail,
    data: { id: row.id },
  };
}

/**
 * A job to look again at a mail another sender held. Every look gets an id of its own: a look
 * that came too early (a clock ahead of the lease's) must be able to queue the next one.
 */
export function heldJob(row: { id: string; revision: number }): Job {
  return {
    id: `${row.id}.${row.revision}.held.${randomUUID()}`,
    name: queues.mail,
    data: { id: row.id },
  };
}
