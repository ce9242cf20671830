/** Closed-loop load generation and the figures every benchmark prints. */

export interface LoadResult {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export const percentileOf = (sorted: number[], p: number): number =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number);

/**
 * Runs `connections` loops, each calling `call` again as soon as the last call returns, for
 * `seconds`. A call that returns false or throws counts as an error (and is not timed).
 */
export async function closedLoop(
  call: (i: number) => Promise<boolean>,
  opts: { connections: number; seconds: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const ok = await call(next++).catch(() => false);
        if (ok) latencies.push(performance.now() - t0);
        else errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    perSecond: latencies.length / elapsed,
    p50: percentileOf(latencies, 50),
    p95: percentileOf(latencies, 95),
    p99: percentileOf(latencies, 99),
  };
}

/** Times `call` `times` times, one after another; returns sorted latencies in ms. */
export async function sequential(call: () => Promise<void>, times: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await call();
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;
export const ratio = (ours: number, raw: number) => `${(ours / raw).toFixed(2)}×`;
