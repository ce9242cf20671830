import { createMiddleware } from "hono/factory";
import type { ErrorBody } from "@signpost/contracts";
import type { Db } from "@signpost/db";
import type { GatewayEnv } from "../auth-middleware.ts";
import { rateLimiter } from "../identity/rate-limiter.ts";

export interface RequestLimits {
  /** Requests per window per signed-in person (or API token's user); 0 turns it off. */
  perPerson: number;
  /** Requests per window per client address, signed in or not; 0 turns it off. */
  perIp: number;
  windowSeconds: number;
}

/**
 * A general request budget on `/api/*`, per person and per address, counted in the database so
 * every gateway replica enforces the same budget. Over it: 429 with `Retry-After`.
 */
export const requestLimit = (db: Db, limits: RequestLimits) =>
  createMiddleware<GatewayEnv>(async (c, next) => {
    const budgets: [string, number][] = [[`req:ip:${c.get("clientIp")}`, limits.perIp]];
    const caller = c.get("caller");
    if (caller) budgets.push([`req:user:${caller.identity.userId}`, limits.perPerson]);
    for (const [key, max] of budgets) {
      if (max <= 0) continue;
      const { count, resetInSeconds } = await rateLimiter.hit(db, key, limits.windowSeconds);
      if (count > max) {
        return c.json<ErrorBody>(
          {
            error: {
              code: "TOO_MANY_REQUESTS",
              message: "Too many requests. Slow down and try again shortly.",
              requestId: c.get("requestId"),
            },
          },
          429,
          { "retry-after": String(Math.max(1, Math.ceil(resetInSeconds))) },
        );
      }
    }
    await next();
  });
