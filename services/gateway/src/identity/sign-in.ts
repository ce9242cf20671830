import { setTimeout as sleep } from "node:timers/promises";
import { AppError, type ZSignInInput } from "@signpost/contracts";
import type { z } from "zod";
import type { IdentityDeps } from "./identity-deps.ts";
import { decoyHash, verifyPassword } from "./password.ts";
import { rateLimiter, slowdownMs } from "./rate-limiter.ts";
import { startSession, type StartedSession } from "./start-session.ts";
import { userRepository } from "./user-repository.ts";

const badCredentials = () => new AppError("UNAUTHORIZED", "Email or password is incorrect");

/**
 * Email + password sign-in. The answer never tells whether the email exists; repeated failures
 * (per email and per IP) first slow down, then are refused for the rest of the window.
 */
export async function signIn(
  deps: IdentityDeps,
  input: z.output<typeof ZSignInInput>,
  clientIp: string,
): Promise<StartedSession> {
  const { db, loginLimits: policy } = deps;
  const slug = input.workspace ?? deps.defaultWorkspace;
  const keys = [`login:email:${slug}:${input.email}`, `login:ip:${clientIp}`];
  const failures = Math.max(
    ...(await Promise.all(keys.map((k) => rateLimiter.failures(db, k, policy.windowSeconds)))),
  );
  if (failures >= policy.maxFailures) {
    throw new AppError(
      "TOO_MANY_REQUESTS",
      "Too many failed sign-ins. Try again in a few minutes.",
    );
  }
  await sleep(slowdownMs(failures, policy));

  const workspace = await userRepository.workspaceBySlug(db, slug);
  const user = workspace ? await userRepository.byEmail(db, workspace.id, input.email) : null;
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await decoyHash));
  if (!user || !user.password_hash || user.status !== "active" || !ok) {
    for (const k of keys) await rateLimiter.recordFailure(db, k, policy.windowSeconds);
    throw badCredentials();
  }
  await rateLimiter.reset(db, keys[0] as string);
  return startSession(deps, db, user);
}
