import type { Reporter, TestModule } from "vitest/node";

/**
 * Ends the run with one plain line, `Tests: N passed, N failed, N skipped`, that any CI can read
 * whatever it knows of vitest's own output.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const counts = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    for (const m of modules) {
      for (const t of m.children.allTests()) counts[t.result().state] += 1;
      // A file that failed to load (or whose describe threw) has no tests but did fail.
      if (
        m.state() === "failed" &&
        ![...m.children.allTests()].some((t) => t.result().state === "failed")
      ) {
        counts.failed += 1;
      }
    }
    console.log(
      `\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped + counts.pending} skipped`,
    );
  }
}
