import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { mailJob, mailJobsOf, ZMailJob } from "./mail-jobs.ts";

const rowsOf = (n: number) =>
  Array.from({ length: n }, () => {
    const id = randomUUID();
    return { id, jobId: `${id}.0` };
  });

describe("mail jobs", () => {
  it("carries one mail under its own job id, and a burst sixteen to a job", () => {
    expect(mailJobsOf([])).toEqual([]);
    const [one] = rowsOf(1);
    expect(mailJobsOf([one!])).toEqual([
      { id: one!.jobId, name: "notification.mail", data: { id: one!.id } },
    ]);
    const burst = rowsOf(33);
    const jobs = mailJobsOf(burst);
    expect(jobs.map((j) => (j.data as { ids?: string[] }).ids?.length ?? 1)).toEqual([16, 16, 1]);
    expect(jobs[0]?.id).toBe(`batch.${burst[0]!.jobId}.16`);
    expect(jobs.flatMap((j) => ZMailJob.parse(j.data))).toHaveLength(3);
    // The same rows make the same jobs: a relay enqueueing them again adds nothing.
    expect(mailJobsOf(burst)).toEqual(jobs);
  });

  it("gives each retry of a mail its own id, apart from the relay's and a look at a held one", () => {
    const row = { id: randomUUID(), revision: 2, attempts: 3 };
    expect(mailJob(row).id).toBe(`${row.id}.2.3`);
    expect(mailJob({ ...row, attempts: 4 }).id).toBe(`${row.id}.2.4`);
    expect(mailJob(row, "held").id).toBe(`${row.id}.2.3.held`);
    expect(ZMailJob.safeParse({ ids: [] }).success).toBe(false);
    expect(ZMailJob.safeParse({ ids: rowsOf(17).map((r) => r.id) }).success).toBe(false);
  });
});
