import {
  AppError,
  type TIdentity,
  type TRole,
  type ZAcceptInvitationInput,
  type ZCreateInvitationInput,
} from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { z } from "zod";
import { appendToOutbox, buildEvent } from "@signpost/queue";
import { announceUser, identityOutboxSchema } from "./announce-directory.ts";
import { directoryRepository } from "./directory-repository.ts";
import { invitationTtlSeconds, type IdentityDeps } from "./identity-deps.ts";
import { linkTokenRepository } from "./link-token-repository.ts";
import { hashPassword } from "./password.ts";
import { hashSecret, newSecret } from "./secrets.ts";
import { startSession, type StartedSession } from "./start-session.ts";
import { userRepository } from "./user-repository.ts";

/** An admin invites a staff member or an organization's contact with a single-use link. */
export async function createInvitation(
  deps: IdentityDeps,
  who: TIdentity,
  input: z.output<typeof ZCreateInvitationInput>,
) {
  authorize(who, "identity.users.manage");
  const roles: TRole[] = input.kind === "staff" ? input.roles : ["customer"];
  const orgId = input.kind === "contact" ? input.orgId : null;
  if (orgId && !(await directoryRepository.orgExists(deps.db, who.workspaceId, orgId))) {
    throw new AppError("NOT_FOUND", "No such organization");
  }
  if (await userRepository.byEmail(deps.db, who.workspaceId, input.email)) {
    throw new AppError("CONFLICT", `${input.email} already has an account`);
  }
  const token = newSecret();
  const acceptUrl = `${deps.publicUrl}/invitation?token=${token}`;
  const row = await deps.db.transaction(async (tx) => {
    const inserted = await linkTokenRepository.insertInvitation(tx, {
      workspaceId: who.workspaceId,
      tokenHash: hashSecret(token),
      email: input.email,
      roles,
      orgId,
      invitedBy: who.userId,
      ttlSeconds: invitationTtlSeconds,
    });
    await appendToOutbox(
      tx,
      identityOutboxSchema,
      buildEvent("identity.invitation.created", {
        workspaceId: who.workspaceId,
        orgId,
        payload: {
          invitationId: inserted.id,
          email: inserted.email,
          workspaceName: await userRepository.workspaceName(tx, who.workspaceId),
          invitedByName: who.name,
          link: acceptUrl,
          expiresAt: new Date(inserted.expires_at).toISOString(),
        },
      }),
    );
    return inserted;
  });
  if (deps.logLinks)
    deps.logger.info({ email: input.email, link: acceptUrl }, "invitation link (development only)");
  return {
    id: row.id,
    email: row.email,
    roles: row.roles,
    orgId: row.org_id,
    expiresAt: new Date(row.expires_at).toISOString(),
    acceptUrl,
  };
}

/** The invitee sets their name and password; the account is created and signed in. */
export async function acceptInvitation(
  deps: IdentityDeps,
  input: z.output<typeof ZAcceptInvitationInput>,
): Promise<StartedSession> {
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    const invitation = await linkTokenRepository.consumeInvitation(tx, hashSecret(input.token));
    if (!invitation)
      throw new AppError("BAD_REQUEST", "This invitation is invalid, used or expired");
    const user = await userRepository.insert(tx, {
      workspaceId: invitation.workspace_id,
      email: invitation.email,
      name: input.name,
      passwordHash,
      roles: invitation.roles,
      orgId: invitation.org_id,
    });
    if (!user) throw new AppError("CONFLICT", `${invitation.email} already has an account`);
    await announceUser(tx, invitation.workspace_id, user.id);
    return startSession(deps, tx, user);
  });
}
