import {
  AppError,
  type ZRequestPasswordResetInput,
  type ZResetPasswordInput,
} from "@signpost/contracts";
import type { z } from "zod";
import { appendToOutbox, buildEvent } from "@signpost/queue";
import { identityOutboxSchema } from "./announce-directory.ts";
import { resetTtlSeconds, type IdentityDeps } from "./identity-deps.ts";
import { linkTokenRepository } from "./link-token-repository.ts";
import { hashPassword } from "./password.ts";
import { hashSecret, newSecret } from "./secrets.ts";
import { sessionRepository } from "./session-repository.ts";
import { userRepository } from "./user-repository.ts";

/**
 * Starts a reset for an active account. Answers the same whether or not the email exists; the link
 * goes by mail (logged in development until the mail channel lands).
 */
export async function requestPasswordReset(
  deps: IdentityDeps,
  input: z.output<typeof ZRequestPasswordResetInput>,
): Promise<void> {
  const workspace = await userRepository.workspaceBySlug(
    deps.db,
    input.workspace ?? deps.defaultWorkspace,
  );
  const user = workspace ? await userRepository.byEmail(deps.db, workspace.id, input.email) : null;
  if (!user || user.status !== "active") return;
  const token = newSecret();
  const link = `${deps.publicUrl}/reset-password?token=${token}`;
  await deps.db.transaction(async (tx) => {
    await linkTokenRepository.insertReset(tx, {
      tokenHash: hashSecret(token),
      userId: user.id,
      ttlSeconds: resetTtlSeconds,
    });
    await appendToOutbox(
      tx,
      identityOutboxSchema,
      buildEvent("identity.password_reset.requested", {
        workspaceId: user.workspace_id,
        orgId: user.org_id,
        payload: {
          userId: user.id,
          email: user.email,
          name: user.name,
          link,
          expiresAt: new Date(Date.now() + resetTtlSeconds * 1000).toISOString(),
        },
      }),
    );
  });
  if (deps.logLinks) {
    deps.logger.info({ userId: user.id, link }, "password reset link (development only)");
  }
}

/** Sets a new password from a single-use link and signs the person out everywhere. */
export async function resetPassword(
  deps: IdentityDeps,
  input: z.output<typeof ZResetPasswordInput>,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const userId = await linkTokenRepository.consumeReset(tx, hashSecret(input.token));
    if (!userId) throw new AppError("BAD_REQUEST", "This reset link is invalid, used or expired");
    await userRepository.setPassword(tx, userId, await hashPassword(input.password));
    await sessionRepository.deleteForUser(tx, userId);
  });
}
