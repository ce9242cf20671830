import { z } from "zod";
import {
  AppError,
  ZAcceptInvitationInput,
  ZMe,
  ZRequestPasswordResetInput,
  ZResetPasswordInput,
  ZSignInInput,
} from "@signpost/contracts";
import { publicProcedure, router, type RequestContext } from "@signpost/service-kit";
import { getMe, signOut } from "./get-me.ts";
import type { IdentityDeps } from "./identity-deps.ts";
import { acceptInvitation } from "./invitations.ts";
import { requestPasswordReset, resetPassword } from "./password-reset.ts";
import { withFailureBudget, withRequestBudget } from "./rate-limiter.ts";
import { clearedSessionCookie, sessionCookie } from "./session-cookie.ts";
import { signIn } from "./sign-in.ts";
import type { StartedSession } from "./start-session.ts";

const httpOf = (ctx: RequestContext) => {
  if (!ctx.http) throw new AppError("INTERNAL", "identity routes are served by the gateway only");
  return ctx.http;
};

export const authRouter = (deps: IdentityDeps) => {
  const secure = deps.publicUrl.startsWith("https:");
  const opened = (ctx: RequestContext, s: StartedSession) => {
    httpOf(ctx).resHeaders.append(
      "set-cookie",
      sessionCookie(s.sessionToken, deps.sessionTtlSeconds, secure),
    );
    return s.me;
  };
  // Links (reset, invitation) are guessed by no one, but a client hammering them is refused.
  const linkBudget = (ctx: RequestContext) => `link:ip:${httpOf(ctx).clientIp}`;
  return router({
    signIn: publicProcedure
      .input(ZSignInInput)
      .output(ZMe)
      .mutation(async ({ ctx, input }) =>
        opened(ctx, await signIn(deps, input, httpOf(ctx).clientIp)),
      ),
    signOut: publicProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
      await signOut(deps.db, httpOf(ctx).sessionToken);
      httpOf(ctx).resHeaders.append("set-cookie", clearedSessionCookie(secure));
      return { ok: true as const };
    }),
    me: publicProcedure
      .output(ZMe.nullable())
      .query(({ ctx }) => getMe(deps.db, httpOf(ctx).sessionToken)),
    requestPasswordReset: publicProcedure
      .input(ZRequestPasswordResetInput)
      .output(z.object({ ok: z.literal(true) }))
      .mutation(async ({ ctx, input }) => {
        await withRequestBudget(deps.db, `reset:ip:${httpOf(ctx).clientIp}`, deps.loginLimits, () =>
          requestPasswordReset(deps, input),
        );
        return { ok: true as const };
      }),
    resetPassword: publicProcedure
      .input(ZResetPasswordInput)
      .output(z.object({ ok: z.literal(true) }))
      .mutation(async ({ ctx, input }) => {
        await withFailureBudget(deps.db, linkBudget(ctx), deps.loginLimits, () =>
          resetPassword(deps, input),
        );
        return { ok: true as const };
      }),
    acceptInvitation: publicProcedure
      .input(ZAcceptInvitationInput)
      .output(ZMe)
      .mutation(async ({ ctx, input }) =>
        opened(
          ctx,
          await withFailureBudget(deps.db, linkBudget(ctx), deps.loginLimits, () =>
            acceptInvitation(deps, input),
          ),
        ),
      ),
  });
};
