import type { TMe } from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { hashSecret } from "./secrets.ts";
import { sessionRepository } from "./session-repository.ts";
import { toMe } from "./to-me.ts";
import { userRepository } from "./user-repository.ts";

/** The signed-in person behind a session cookie, or null when signed out or expired. */
export async function getMe(db: Db, sessionToken: string | null): Promise<TMe | null> {
  if (!sessionToken) return null;
  const row = await sessionRepository.find(db, hashSecret(sessionToken));
  if (!row) return null;
  return toMe(row, await userRepository.workspaceName(db, row.workspace_id), row.csrf_token);
}

export async function signOut(db: Db, sessionToken: string | null): Promise<void> {
  if (sessionToken) await sessionRepository.delete(db, hashSecret(sessionToken));
}
