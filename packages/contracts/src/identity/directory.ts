import { z } from "zod";
import { ZEmail } from "./auth.ts";
import { ZRole } from "./identity.ts";

export const ZOrganization = z.object({
  id: z.uuid(),
  name: z.string(),
  domain: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type TOrganization = z.infer<typeof ZOrganization>;

export const ZCreateOrganizationInput = z.object({
  name: z.string().trim().min(2, "name must be at least 2 characters").max(120),
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "must be a domain like example.com")
    .optional(),
});

export const ZUserStatus = z.enum(["active", "disabled"]);

export const ZUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(ZRole),
  orgId: z.uuid().nullable(),
  status: ZUserStatus,
  createdAt: z.iso.datetime({ offset: true }),
});
export type TUser = z.infer<typeof ZUser>;

const staffRoles = z
  .array(z.enum(["agent", "kb_editor", "admin"]))
  .min(1, "pick at least one role");

/** A staff invitation carries staff roles; a contact invitation names the organization instead. */
export const ZCreateInvitationInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("staff"), email: ZEmail, roles: staffRoles }),
  z.object({ kind: z.literal("contact"), email: ZEmail, orgId: z.uuid() }),
]);

export const ZInvitation = z.object({
  id: z.uuid(),
  email: z.string(),
  roles: z.array(ZRole),
  orgId: z.uuid().nullable(),
  expiresAt: z.iso.datetime({ offset: true }),
  /** The single-use link, shown to the admin who created it (and mailed to the invitee). */
  acceptUrl: z.string(),
});

export const ZUpdateUserInput = z.object({
  userId: z.uuid(),
  roles: staffRoles.optional(),
  status: ZUserStatus.optional(),
});

export const ZGroup = z.object({
  id: z.uuid(),
  name: z.string(),
  memberIds: z.array(z.uuid()),
  /** The staff member told of the group's SLA alarms beside its members (optional: none set). */
  leadId: z.uuid().nullable().optional(),
});
export type TGroup = z.infer<typeof ZGroup>;

export const ZCreateGroupInput = z.object({ name: z.string().trim().min(2).max(80) });
export const ZGroupMemberInput = z.object({ groupId: z.uuid(), userId: z.uuid() });
/** Sets or (with `userId: null`) clears a group's lead. */
export const ZSetGroupLeadInput = z.object({ groupId: z.uuid(), userId: z.uuid().nullable() });

export const ZApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  role: ZRole,
  /** The first characters, so people can tell tokens apart; the rest is never shown again. */
  prefix: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
  revokedAt: z.iso.datetime({ offset: true }).nullable(),
});

export const ZCreateApiTokenInput = z.object({
  name: z.string().trim().min(2).max(80),
  role: z.enum(["agent", "kb_editor", "admin"]),
});

export const ZCreatedApiToken = z.object({ token: ZApiToken, secret: z.string() });
