import type { TIdentity } from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { apiTokenRepository } from "./api-token-repository.ts";
import { hashSecret } from "./secrets.ts";
import { sessionRepository } from "./session-repository.ts";
import { identityOf } from "./to-me.ts";

export type Caller =
  | { via: "session"; identity: TIdentity; email: string; csrfToken: string }
  | { via: "api-token"; identity: TIdentity };

export const apiTokenPrefix = "sp_";

/** Who a session cookie belongs to (an active user in a live session), or null. */
export async function callerFromSession(db: Db, sessionToken: string): Promise<Caller | null> {
  const row = await sessionRepository.find(db, hashSecret(sessionToken));
  return row
    ? { via: "session", identity: identityOf(row), email: row.email, csrfToken: row.csrf_token }
    : null;
}

/** An integration's identity from a live API token, or null. */
export async function callerFromApiToken(db: Db, secret: string): Promise<Caller | null> {
  if (!secret.startsWith(apiTokenPrefix)) return null;
  const token = await apiTokenRepository.use(db, hashSecret(secret));
  if (!token) return null;
  return {
    via: "api-token",
    identity: {
      userId: token.id,
      workspaceId: token.workspace_id,
      roles: [token.role],
      orgId: null,
      name: `API token "${token.name}"`,
    },
  };
}
