import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { AppError, type ErrorBody } from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { withRequestId } from "@signpost/queue";
import { requestIdFrom, setResponseHeader } from "@signpost/service-kit";
import { callerFromApiToken, sessionCallers, type Caller } from "./identity/resolve-caller.ts";
import { sessionCookieName } from "./identity/session-cookie.ts";
import { withFailureBudget, type RateLimitPolicy } from "./identity/rate-limiter.ts";

export type GatewayEnv = {
  Variables: {
    requestId: string;
    caller: Caller | null;
    clientIp: string;
    sessionToken: string | null;
  };
};

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

function clientIpOf(c: Context<GatewayEnv>, trustProxy: boolean) {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // called in-process (app.request), no socket
  }
}

/**
 * Works out who is calling `/api/*`: an API token (Authorization: Bearer sp_...) or a session
 * cookie. Cookie-authenticated writes must echo the session's CSRF token in `x-csrf-token`.
 */
export const authenticate = (db: Db, trustProxy: boolean, tokenLimits: RateLimitPolicy) => {
  const callerFromSession = sessionCallers(db);
  return createMiddleware<GatewayEnv>(async (c, next) => {
    const requestId = requestIdFrom(c.req.header("x-request-id"));
    c.set("requestId", requestId);
    c.header("x-request-id", requestId);
    c.set("clientIp", clientIpOf(c, trustProxy));
    const sessionToken = getCookie(c, sessionCookieName) ?? null;
    c.set("sessionToken", sessionToken);

    const bearer = c.req.header("authorization")?.match(/^Bearer (.+)$/)?.[1];
    let caller: Caller | null = null;
    if (bearer) {
      // Guessing tokens from one address runs out of budget (429) long before it could succeed.
      caller = await withFailureBudget(
        db,
        `token:ip:${c.get("clientIp")}`,
        tokenLimits,
        async () => {
          const found = await callerFromApiToken(db, bearer);
          if (!found) throw new AppError("UNAUTHORIZED", "Unknown or revoked API token");
          return found;
        },
      );
    } else if (sessionToken) {
      caller = await callerFromSession(sessionToken);
      if (caller?.via === "session" && !safeMethods.has(c.req.method)) {
        if (c.req.header("x-csrf-token") !== caller.csrfToken) {
          return c.json<ErrorBody>(
            {
              error: {
                code: "FORBIDDEN",
                message: "Missing or wrong x-csrf-token header (take it from auth.me)",
                requestId,
              },
            },
            403,
          );
        }
      }
    }
    c.set("caller", caller);
    // Events the gateway appends (directory changes) and its log lines carry the id too.
    await withRequestId(requestId, next);
    setResponseHeader(c, "x-request-id", requestId);
  });
};
