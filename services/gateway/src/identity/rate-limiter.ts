import { setTimeout as sleep } from "node:timers/promises";
import { AppError } from "@signpost/contracts";
import type { Sql } from "@signpost/db";

export interface RateLimitPolicy {
  /** Failures allowed in a window before each attempt is slowed down. */
  freeFailures: number;
  /** Failures in a window after which attempts are refused outright (429). */
  maxFailures: number;
  windowSeconds: number;
}

/**
 * Counts failures per key (an email, an IP) in fixed windows kept in the database, so every
 * gateway replica sees the same counts.
 */
export const rateLimiter = {
  async failures(sql: Sql, key: string, windowSeconds: number): Promise<number> {
    const { rows } = await sql.query<{ count: number }>(
      `select count from identity.rate_limits
        where key = $1 and window_started_at > now() - make_interval(secs => $2)`,
      [key, windowSeconds],
    );
    return rows[0]?.count ?? 0;
  },

  async recordFailure(sql: Sql, key: string, windowSeconds: number): Promise<void> {
    await sql.query(
      `insert into identity.rate_limits (key, window_started_at, count) values ($1, now(), 1)
       on conflict (key) do update set
         count = case when rate_limits.window_started_at > now() - make_interval(secs => $2)
                      then rate_limits.count + 1 else 1 end,
         window_started_at = case when rate_limits.window_started_at > now() - make_interval(secs => $2)
                      then rate_limits.window_started_at else now() end`,
      [key, windowSeconds],
    );
  },

  /**
   * Counts one request for `key` in the current fixed window (a new window starts when the last
   * one is over); returns the count so far and the seconds until the window ends.
   */
  async hit(
    sql: Sql,
    key: string,
    windowSeconds: number,
  ): Promise<{ count: number; resetInSeconds: number }> {
    const { rows } = await sql.query<{ count: number; reset_in: number }>(
      `insert into identity.rate_limits (key, window_started_at, count) values ($1, now(), 1)
       on conflict (key) do update set
         count = case when rate_limits.window_started_at > now() - make_interval(secs => $2)
                      then rate_limits.count + 1 else 1 end,
         window_started_at = case when rate_limits.window_started_at > now() - make_interval(secs => $2)
                      then rate_limits.window_started_at else now() end
       returning count,
         extract(epoch from window_started_at + make_interval(secs => $2) - now())::float8 as reset_in`,
      [key, windowSeconds],
    );
    const row = rows[0];
    return { count: row?.count ?? 1, resetInSeconds: Math.max(0, row?.reset_in ?? windowSeconds) };
  },

  async reset(sql: Sql, key: string): Promise<void> {
    await sql.query(`delete from identity.rate_limits where key = $1`, [key]);
  },
};

/** The same policy with `factor` times the allowance. */
export const scaled = (p: RateLimitPolicy, factor: number): RateLimitPolicy => ({
  ...p,
  freeFailures: p.freeFailures * factor,
  maxFailures: p.maxFailures * factor,
});

/** Milliseconds to wait before answering, growing with each failure past the free ones. */
export function slowdownMs(failures: number, policy: RateLimitPolicy): number {
  const over = failures - policy.freeFailures;
  return over <= 0 ? 0 : Math.min(250 * 2 ** (over - 1), 4000);
}

/**
 * Runs `work` under a failure budget for `key`: refused (429) once the budget is spent, slowed
 * down as it runs low; an AppError from `work` that `counts` spends one unit.
 */
export async function withFailureBudget<T>(
  sql: Sql,
  key: string,
  policy: RateLimitPolicy,
  work: () => Promise<T>,
  counts: (error: AppError) => boolean = () => true,
): Promise<T> {
  const failures = await rateLimiter.failures(sql, key, policy.windowSeconds);
  if (failures >= policy.maxFailures) {
    throw new AppError("TOO_MANY_REQUESTS", "Too many attempts. Try again in a few minutes.");
  }
  await sleep(slowdownMs(failures, policy));
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && counts(error)) {
      await rateLimiter.recordFailure(sql, key, policy.windowSeconds);
    }
    throw error;
  }
}

/** Like `withFailureBudget`, but every call spends a unit (for endpoints that send mail). */
export async function withRequestBudget<T>(
  sql: Sql,
  key: string,
  policy: RateLimitPolicy,
  work: () => Promise<T>,
): Promise<T> {
  const used = await rateLimiter.failures(sql, key, policy.windowSeconds);
  if (used >= policy.maxFailures) {
    throw new AppError("TOO_MANY_REQUESTS", "Too many attempts. Try again in a few minutes.");
  }
  await rateLimiter.recordFailure(sql, key, policy.windowSeconds);
  return work();
}
