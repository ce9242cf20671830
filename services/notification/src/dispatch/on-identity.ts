import type { EventOf } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { queueMail } from "../mail-out/queue-mail.ts";
import { templates } from "../mail-out/templates.ts";
import type { DispatchDeps } from "./deliver.ts";

// Account mails are not notifications: no preference can turn them off, and they go to the
// address in the event (an invitee is nobody in the directory yet).

export async function onInvitationCreated(
  tx: Sql,
  deps: DispatchDeps,
  event: EventOf<"identity.invitation.created">,
) {
  const p = event.payload;
  await queueMail(tx, deps.mail, {
    workspaceId: event.workspaceId,
    eventId: event.id,
    to: { email: p.email, userId: null },
    template: "invitation",
    rendered: templates.invitation({
      workspaceName: p.workspaceName,
      invitedByName: p.invitedByName,
      acceptUrl: p.link,
      expiresAt: p.expiresAt,
    }),
    ticket: null,
  });
  setTimeout(deps.kick, 5);
}

export async function onPasswordResetRequested(
  tx: Sql,
  deps: DispatchDeps,
  event: EventOf<"identity.password_reset.requested">,
) {
  const p = event.payload;
  await queueMail(tx, deps.mail, {
    workspaceId: event.workspaceId,
    eventId: event.id,
    to: { email: p.email, userId: p.userId },
    template: "passwordReset",
    rendered: templates.passwordReset({ name: p.name, resetUrl: p.link, expiresAt: p.expiresAt }),
    ticket: null,
  });
  setTimeout(deps.kick, 5);
}
