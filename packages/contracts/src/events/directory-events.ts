import { z } from "zod";
import { ZRole } from "../identity/identity.ts";
import { defineEvent } from "./envelope.ts";

// The gateway owns people and groups. Services that must address or route to them (assignment,
// mail) keep a projection fed by these events instead of reading the gateway's tables.

export const directoryUserChangedV1 = defineEvent(
  "directory.user.changed",
  1,
  z.object({
    userId: z.uuid(),
    email: z.string(),
    name: z.string(),
    roles: z.array(ZRole),
    orgId: z.uuid().nullable(),
    active: z.boolean(),
  }),
);

export const directoryGroupChangedV1 = defineEvent(
  "directory.group.changed",
  1,
  z.object({
    groupId: z.uuid(),
    name: z.string(),
    memberIds: z.array(z.uuid()),
    deleted: z.boolean(),
    // Added after version 1 shipped, optional so events without it still parse and consumers
    // that do not know it ignore it: a compatible change, so no new version. Absent means none.
    leadId: z.uuid().nullable().optional(),
  }),
);

// Mail the gateway needs sent. The link carries a single-use secret: these events go only to the
// notification service, which mails it and never shows it in any list.

export const invitationCreatedV1 = defineEvent(
  "identity.invitation.created",
  1,
  z.object({
    invitationId: z.uuid(),
    email: z.string(),
    workspaceName: z.string(),
    invitedByName: z.string(),
    link: z.url(),
    expiresAt: z.iso.datetime({ offset: true }),
  }),
);

export const passwordResetRequestedV1 = defineEvent(
  "identity.password_reset.requested",
  1,
  z.object({
    userId: z.uuid(),
    email: z.string(),
    name: z.string(),
    link: z.url(),
    expiresAt: z.iso.datetime({ offset: true }),
  }),
);
