import { describe, expect, it } from "vitest";
import { waitFor } from "@signpost/testkit";
import { drainInBatches, startRelayLoop } from "./relay-loop.ts";
import type { Logger } from "./logger.ts";

function recordingLogger() {
  const warnings: string[] = [];
  const logger: Logger = {
    info: () => undefined,
    warn: (_obj, msg) => void warnings.push(msg ?? ""),
    error: () => undefined,
    child: () => logger,
  };
  return { logger, warnings };
}

/** A pass that waits until released, so a test can kick while it runs. */
function gatedPass() {
  let release: () => void = () => undefined;
  let calls = 0;
  return {
    calls: () => calls,
    release: () => release(),
    pass: () =>
      new Promise<number>((resolve) => {
        calls++;
        release = () => resolve(calls);
      }),
  };
}

describe("startRelayLoop", () => {
  it("runs one more pass for any number of kicks during a pass, never two at once", async () => {
    const { logger } = recordingLogger();
    const gate = gatedPass();
    const loop = startRelayLoop({ name: "test", logger, pollMs: 60_000, pass: gate.pass });
    const first = loop.flush();
    loop.kick();
    loop.kick();
    loop.kick();
    expect(gate.calls()).toBe(1);
    gate.release();
    expect(await first).toBe(1);
    await new Promise((r) => setImmediate(r));
    expect(gate.calls()).toBe(2);
    gate.release();
    await loop.stop();
    expect(gate.calls()).toBe(2);
  });

  it("with settleMs, kicks right after a pass share one pass at the end of the gap", async () => {
    const { logger } = recordingLogger();
    let calls = 0;
    const loop = startRelayLoop({
      name: "settling",
      logger,
      pollMs: 60_000,
      settleMs: 1_000,
      pass: async () => ++calls,
    });
    const turn = () => new Promise((r) => setImmediate(r));
    // The first kick after a quiet spell runs at once.
    loop.kick();
    await turn();
    expect(calls).toBe(1);
    const kicked = performance.now();
    loop.kick();
    loop.kick();
    loop.kick();
    await turn();
    expect(calls).toBe(1);
    await waitFor("the settled pass", async () => calls === 2, 5_000);
    expect(performance.now() - kicked).toBeGreaterThan(900);
    await turn();
    expect(calls).toBe(2);
    // A flush does not wait for the gap; a stopped loop runs nothing more.
    expect(await loop.flush()).toBe(3);
    await loop.stop();
    loop.kick();
    await turn();
    expect(calls).toBe(3);
  });

  it("logs a failed pass and runs again at the next kick", async () => {
    const { logger, warnings } = recordingLogger();
    let calls = 0;
    const loop = startRelayLoop({
      name: "flaky relay",
      logger,
      pollMs: 60_000,
      pass: async () => {
        if (++calls === 1) throw new Error("redis away");
        return 7;
      },
    });
    expect(await loop.flush()).toBe(0);
    expect(warnings).toEqual(["flaky relay pass failed; will retry"]);
    expect(await loop.flush()).toBe(7);
    await loop.stop();
  });

  it("polls on its own, and not after stop", async () => {
    const { logger } = recordingLogger();
    let calls = 0;
    const loop = startRelayLoop({ name: "poll", logger, pollMs: 10, pass: async () => ++calls });
    await new Promise((r) => setTimeout(r, 100));
    await loop.stop();
    const seen = calls;
    expect(seen).toBeGreaterThan(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toBe(seen);
  });
});

describe("drainInBatches", () => {
  it("repeats while batches come back full and totals them", async () => {
    const sizes = [100, 100, 42, 100];
    const total = await drainInBatches(async () => sizes.shift() ?? 0, 100);
    expect(total).toBe(242);
    expect(sizes).toEqual([100]);
  });
});
