import { setTimeout as sleep } from "node:timers/promises";
import { AppError, type ZSignInInput } from "@signpost/contracts";
import type { z } from "zod";
import type { IdentityDeps } from "./identity-deps.ts";
import { decoyHash, verifyPassword } from "./password.ts";
import { rateLimiter, scaled, slowdownMs } from "./rate-limiter.ts";
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
  // One address may front many people (an office, a NAT): it gets a larger budget than one account.
  const budgets = [
    { key: `login:email:${slug}:${input.email}`, policy },
    { key: `login:ip:${clientIp}`, policy: scaled(policy, 5) },
  ];
  let wait = 0;
  for (const b of budgets) {
    const failures = await rateLimiter.failures(db, b.key, b.policy.windowSeconds);
    if (failures >= b.policy.maxFailures) {
      throw new AppError(
        "TOO_MANY_REQUESTS",
        "Too many failed sign-ins. Try again in a few minutes.",
      );
    }
    wait = Math.max(wait, slowdownMs(failures, b.policy));
  }
  await sleep(wait);

  const workspace = await userRepository.workspaceBySlug(db, slug);
  const user = workspace ? await userRepository.byEmail(db, workspace.id, input.email) : null;
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await decoyHash));
  if (!user || !user.password_hash || user.status !== "active" || !ok) {
    for (const b of budgets) await rateLimiter.recordFailure(db, b.key, b.policy.windowSeconds);
    throw badCredentials();
  }
  await rateLimiter.reset(db, budgets[0]?.key ?? "");
  return startSession(deps, db, user);
}
