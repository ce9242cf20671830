import type { Sql } from "@signpost/db";
import type { TMe } from "@signpost/contracts";
import type { IdentityDeps } from "./identity-deps.ts";
import { hashSecret, newSecret } from "./secrets.ts";
import { sessionRepository } from "./session-repository.ts";
import { toMe } from "./to-me.ts";
import { userRepository, type UserRow } from "./user-repository.ts";

export interface StartedSession {
  sessionToken: string;
  me: TMe;
}

/** Opens a session for `user`: the raw token goes in a cookie, only its hash is stored. */
export async function startSession(
  deps: IdentityDeps,
  sql: Sql,
  user: UserRow,
): Promise<StartedSession> {
  const sessionToken = newSecret();
  const csrfToken = newSecret();
  await sessionRepository.insert(sql, {
    tokenHash: hashSecret(sessionToken),
    userId: user.id,
    csrfToken,
    ttlSeconds: deps.sessionTtlSeconds,
  });
  const workspaceName = await userRepository.workspaceName(sql, user.workspace_id);
  return { sessionToken, me: toMe(user, workspaceName, csrfToken) };
}
