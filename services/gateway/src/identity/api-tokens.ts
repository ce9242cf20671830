import { AppError, type TIdentity, type ZCreateApiTokenInput } from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { authorize } from "@signpost/policy";
import type { z } from "zod";
import { apiTokenRepository, toApiToken } from "./api-token-repository.ts";
import { apiTokenPrefix } from "./resolve-caller.ts";
import { hashSecret, newSecret } from "./secrets.ts";

/** Creates an integration token; the secret is returned this once and only its hash is kept. */
export async function createApiToken(
  db: Db,
  who: TIdentity,
  input: z.output<typeof ZCreateApiTokenInput>,
) {
  authorize(who, "identity.tokens.manage");
  const secret = newSecret(apiTokenPrefix);
  const row = await apiTokenRepository.insert(db, {
    workspaceId: who.workspaceId,
    name: input.name,
    role: input.role,
    prefix: secret.slice(0, 10),
    tokenHash: hashSecret(secret),
    createdBy: who.userId,
  });
  return { token: toApiToken(row), secret };
}

export async function listApiTokens(db: Db, who: TIdentity) {
  authorize(who, "identity.tokens.manage");
  return (await apiTokenRepository.list(db, who.workspaceId)).map(toApiToken);
}

export async function revokeApiToken(db: Db, who: TIdentity, id: string) {
  authorize(who, "identity.tokens.manage");
  const row = await apiTokenRepository.revoke(db, who.workspaceId, id);
  if (!row) throw new AppError("NOT_FOUND", "Not found");
  return toApiToken(row);
}
