import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgDb, createPgliteDb, type Db } from "@signpost/db";
import { describeWithInfra, freshDatabase, uniqueSuffix, waitFor } from "@signpost/testkit";
import { createBullmqTransport } from "./bullmq-transport.ts";
import { createEmbeddedTransport } from "./embedded-transport.ts";
import { PermanentJobError, type RunningJob, type Transport } from "./transport.ts";

/** The same behaviour is required of both transports. */
function transportContract(
  name: string,
  make: () => Promise<{ t: Transport; done: () => Promise<void> }>,
) {
  describe(name, () => {
    let t: Transport;
    let done: () => Promise<void>;
    beforeAll(async () => ({ t, done } = await make()));
    afterAll(async () => {
      await t.close();
      await done();
    });
    const q = () => `q${uniqueSuffix()}`;

    it("delivers a job once even when it is enqueued twice with the same id", async () => {
      const queue = q();
      const seen: RunningJob[] = [];
      t.consume(queue, async (job) => void seen.push(job));
      await t.enqueue(queue, { id: "job-1", name: "greet", data: { hello: "world" } });
      await t.enqueue(queue, { id: "job-1", name: "greet", data: { hello: "again" } });
      await waitFor("the job", async () => seen.length === 1);
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({
        id: "job-1",
        name: "greet",
        data: { hello: "world" },
        attempt: 1,
      });
    });

    it("enqueues a batch at once, each id still de-duplicating", async () => {
      const queue = q();
      const seen: string[] = [];
      t.consume(queue, async (job) => void seen.push(`${job.id}:${JSON.stringify(job.data)}`));
      await t.enqueue(queue, { id: "b-1", name: "n", data: 1 });
      await t.enqueueMany(queue, [
        { id: "b-1", name: "n", data: 10 },
        { id: "b-2", name: "n", data: 2 },
        { id: "b-3", name: "n", data: 3 },
      ]);
      await waitFor("the batch", async () => seen.length === 3);
      expect(seen.sort()).toEqual(["b-1:1", "b-2:2", "b-3:3"]);
    });

    it("retries a failing job with backoff until it succeeds", async () => {
      const queue = q();
      const attempts: number[] = [];
      t.consume(queue, async (job) => {
        attempts.push(Date.now());
        if (job.attempt < 3) throw new Error(`flaky ${job.attempt}`);
      });
      await t.enqueue(
        queue,
        { id: "flaky", name: "flaky", data: {} },
        { attempts: 5, backoffMs: 100 },
      );
      await waitFor("three attempts", async () => attempts.length === 3);
      const [a, b, c] = attempts as [number, number, number];
      expect(b - a).toBeGreaterThanOrEqual(90);
      expect(c - b).toBeGreaterThanOrEqual(180); // exponential: the second wait doubles
      expect(await t.deadLetters(queue)).toEqual([]);
    });

    it("dead-letters a job after its last attempt, and a permanent failure at once", async () => {
      const queue = q();
      let calls = 0;
      t.consume(queue, async (job) => {
        calls++;
        if (job.name === "poison") throw new PermanentJobError("cannot parse");
        throw new Error("always fails");
      });
      await t.enqueue(
        queue,
        { id: "doomed", name: "doomed", data: { n: 1 } },
        { attempts: 2, backoffMs: 50 },
      );
      await t.enqueue(queue, { id: "poison", name: "poison", data: { n: 2 } }, { attempts: 5 });
      const dead = await waitFor("two dead letters", async () => {
        const d = await t.deadLetters(queue);
        return d.length === 2 ? d : undefined;
      });
      expect(dead.map((d) => d.id).sort()).toEqual(["doomed", "poison"]);
      expect(dead.find((d) => d.id === "poison")).toMatchObject({ attempts: 1, data: { n: 2 } });
      expect(dead.find((d) => d.id === "doomed")?.error).toContain("always fails");
      expect(calls).toBe(3);
    });

    it("reports depth by state and the age of the oldest runnable job", async () => {
      const queue = q();
      expect(await t.stats(queue)).toEqual({
        waiting: 0,
        active: 0,
        delayed: 0,
        failed: 0,
        oldestWaitingMs: 0,
      });
      // No consumer yet: the jobs wait.
      await t.enqueue(queue, { id: "a", name: "work", data: {} });
      await t.enqueue(queue, { id: "b", name: "work", data: {} });
      await t.enqueue(queue, { id: "later", name: "work", data: {} }, { delayMs: 60_000 });
      await new Promise((r) => setTimeout(r, 250));
      const waiting = await t.stats(queue);
      expect(waiting).toMatchObject({ waiting: 2, active: 0, delayed: 1, failed: 0 });
      expect(waiting.oldestWaitingMs).toBeGreaterThanOrEqual(200);
      expect(waiting.oldestWaitingMs).toBeLessThan(10_000);

      t.consume(queue, async (job) => {
        if (job.id === "b") throw new PermanentJobError("bad");
      });
      const settled = await waitFor("the runnable jobs to settle", async () => {
        const s = await t.stats(queue);
        return s.waiting === 0 && s.active === 0 && s.failed === 1 ? s : undefined;
      });
      expect(settled).toEqual({ waiting: 0, active: 0, delayed: 1, failed: 1, oldestWaitingMs: 0 });
    });

    it("runs a delayed job no sooner than its delay, and not at all once cancelled", async () => {
      const queue = q();
      const ran = new Map<string, number>();
      t.consume(queue, async (job) => void ran.set(job.id, Date.now()));
      const start = Date.now();
      await t.enqueue(queue, { id: "later", name: "timer", data: {} }, { delayMs: 700 });
      await t.enqueue(queue, { id: "cancelled", name: "timer", data: {} }, { delayMs: 400 });
      await t.cancel(queue, "cancelled");
      await waitFor("the delayed job", async () => ran.has("later"));
      expect((ran.get("later") ?? 0) - start).toBeGreaterThanOrEqual(650);
      await new Promise((r) => setTimeout(r, 300));
      expect(ran.has("cancelled")).toBe(false);
    });

    it("runs each job of a batch at its own delay", async () => {
      const queue = q();
      const ran = new Map<string, number>();
      t.consume(queue, async (job) => void ran.set(job.id, Date.now()));
      const start = Date.now();
      await t.enqueueMany(queue, [
        { id: "due-later", name: "timer", data: {}, delayMs: 700 },
        { id: "due-now", name: "timer", data: {} },
      ]);
      await waitFor("both timers", async () => ran.size === 2);
      expect((ran.get("due-later") ?? 0) - start).toBeGreaterThanOrEqual(650);
      expect(ran.get("due-now") ?? Infinity).toBeLessThan(ran.get("due-later") ?? 0);
    });
  });
}

describe("embedded transport on PGlite", () => {
  transportContract("contract", async () => {
    const db = await createPgliteDb();
    return { t: await createEmbeddedTransport({ db }), done: () => db.close() };
  });

  it("lets the job in hand finish when closed (drain)", async () => {
    const db: Db = await createPgliteDb();
    const t = await createEmbeddedTransport({ db });
    let finished = false;
    t.consume("slow", async () => {
      await new Promise((r) => setTimeout(r, 300));
      finished = true;
    });
    await t.enqueue("slow", { id: "s", name: "slow", data: {} });
    await waitFor("the job to start", async () => (await t.pendingCount("slow")) === 1);
    await new Promise((r) => setTimeout(r, 50));
    await t.close();
    expect(finished).toBe(true);
    await db.close();
  });
});

describeWithInfra("transports on real infrastructure", (infra) => {
  transportContract("BullMQ on Redis", async () => ({
    t: createBullmqTransport({ redisUrl: infra.redisUrl, prefix: `test${uniqueSuffix()}` }),
    done: async () => undefined,
  }));

  transportContract("embedded transport on Postgres", async () => {
    const fresh = await freshDatabase(infra.databaseUrl);
    const db = createPgDb({ url: fresh.url });
    return {
      t: await createEmbeddedTransport({ db }),
      done: async () => {
        await db.close();
        await fresh.drop();
      },
    };
  });
});
