import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { AppError, type TIdentity } from "@signpost/contracts";
import { trpcCodeOf } from "./error-table.ts";
import { containsNul, isBadTextError, isTransientDbError } from "./text-input.ts";

// A type (not an interface) so it satisfies tRPC-Hono's Record<string, unknown> context.
export type RequestContext = {
  identity: TIdentity | null;
  requestId: string;
  /** Only the gateway, which talks to browsers, fills this in. */
  http?: {
    resHeaders: Headers;
    clientIp: string;
    sessionToken: string | null;
  };
};

const t = initTRPC.context<RequestContext>().create({
  errorFormatter({ shape, error, ctx }) {
    // Internal errors are logged by the app; the client gets a message that reveals nothing.
    const internal = error.code === "INTERNAL_SERVER_ERROR" && !(error.cause instanceof AppError);
    return {
      ...shape,
      message: internal ? "Internal error" : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        requestId: ctx?.requestId,
        issues: error.cause instanceof ZodError ? error.cause.issues : undefined,
      },
    };
  },
});

/** Turns domain errors into tRPC errors so every procedure answers with the same model. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: trpcCodeOf[cause.code], message: cause.message, cause });
  }
  // Text the database cannot hold is the client's problem, whichever field it came in.
  if (!result.ok && isBadTextError(result.error.cause)) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Text contains characters not allowed" });
  }
  if (!result.ok && isTransientDbError(result.error.cause)) {
    throw new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: "The database connection was lost; try again",
      cause: result.error.cause,
    });
  }
  return result;
});

/** A NUL character cannot be stored in any text column: refuse it in any field, up front. */
const refuseNul = t.middleware(async ({ getRawInput, next }) => {
  if (containsNul(await getRawInput().catch(() => undefined))) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Text may not contain NUL characters" });
  }
  return next();
});

export const router = t.router;
export const publicProcedure = t.procedure.use(mapErrors).use(refuseNul);

/** Requires a verified identity: 401 otherwise. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.identity) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  return next({ ctx: { ...ctx, identity: ctx.identity } });
});
