import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { heldJob, mailJobsOf, retryJob, ZMailJob } from "./mail-jobs.ts";

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
    expect(jobs.flatMap((j) => ZMailJob.parse(j.data))).toHaveLength(3);
    // The same rows make the same jobs: a relay enqueueing them again adds nothing.
    expect(mailJobsOf(burst)).toEqual(jobs);
  });

  it("names a group by every mail in it, so another group never shares its id", () => {
    const group = rowsOf(16);
    // After a crash the relay reads again, and a mail that committed late sorts into the middle:
    // same first mail, same size, one mail different.
    const regrouped = [...group.slice(0, 7), ...rowsOf(1), ...group.slice(7, 15)];
    const [before] = mailJobsOf(group);
    const [after] = mailJobsOf(regrouped);
    expect(after?.id).not.toBe(before?.id);
    expect(before?.id).toMatch(/^batch\./);
  });

  it("gives each retry of a mail its own id, and each look at a held one a fresh id", () => {
    const row = { id: randomUUID(), revision: 2, attempts: 3 };
    expect(retryJob(row).id).toBe(`${row.id}.2.3`);
    expect(retryJob({ ...row, attempts: 4 }).id).toBe(`${row.id}.2.4`);
    // A look that came too early must be able to queue the next one under another id.
    expect(heldJob(row).id).not.toBe(heldJob(row).id);
    expect(heldJob(row).id).toContain(`${row.id}.2.held.`);
    expect(ZMailJob.safeParse({ ids: [] }).success).toBe(false);
    expect(ZMailJob.safeParse({ ids: rowsOf(17).map((r) => r.id) }).success).toBe(false);
  });
});
