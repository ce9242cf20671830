import { z } from "zod";
import type { Job } from "@signpost/queue";
import { queues } from "../jobs/queues.ts";

/** Mails one job carries at most: sent four at a time, well within a mail's 25-second lease. */
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
 * a relay that enqueues them again after a crash adds nothing; another grouping of them is a
 * redelivery, which the claim makes harmless.
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
            id: `batch.${first.jobId}.${group.length}`,
            name: queues.mail,
            data: { ids: group.map((r) => r.id) },
          },
    );
  }
  return jobs;
}

/**
 * A mail's job of its own, when it goes back on the queue: after a refusal (one id per attempt),
 * or to look again at one another sender held.
 */
export function mailJob(
  row: { id: string; revision: number; attempts: number },
  reason: "retry" | "held" = "retry",
): Job {
  return {
    id: `${row.id}.${row.revision}.${row.attempts}${reason === "held" ? ".held" : ""}`,
    name: queues.mail,
    data: { id: row.id },
  };
}
