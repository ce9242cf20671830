import type { TIdentity } from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { apiTokenRepository } from "./api-token-repository.ts";
import { coalescedReads } from "../ops/coalesced-reads.ts";
import { hashSecret } from "./secrets.ts";
import { sessionRepository } from "./session-repository.ts";
import { identityOf } from "./to-me.ts";

export type Caller =
  | { via: "session"; identity: TIdentity; email: string; csrfToken: string }
  | { via: "api-token"; identity: TIdentity };

export const apiTokenPrefix = "sp_";

/**
 * Who a session cookie belongs to (an active user in a live session), or null. Under load the
 * lookups of requests arriving together go to the database as one query (see `coalescedReads`),
 * each answer still read after its request arrived: a session signed out or a user disabled stops
 * working for the very next request.
 */
export function sessionCallers(db: Db): (sessionToken: string) => Promise<Caller | null> {
  const find = coalescedReads((hashes: string[]) => sessionRepository.findMany(db, hashes));
  return async (sessionToken) => {
    const row = await find(hashSecret(sessionToken));
    return row
      ? { via: "session", identity: identityOf(row), email: row.email, csrfToken: row.csrf_token }
      : null;
  };
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
