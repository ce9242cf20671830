import { z } from "zod";

export const roles = ["customer", "agent", "kb_editor", "admin"] as const;
export const ZRole = z.enum(roles);
export type TRole = z.infer<typeof ZRole>;

/**
 * Who is asking, as the gateway vouches for it in a short-lived signed token that every service
 * verifies. A customer always has an `orgId`; staff have none.
 */
export const ZIdentity = z.object({
  userId: z.uuid(),
  workspaceId: z.uuid(),
  roles: z.array(ZRole).min(1),
  orgId: z.uuid().nullable(),
  name: z.string(),
});
export type TIdentity = z.infer<typeof ZIdentity>;

export const isStaff = (who: TIdentity) => who.roles.some((r) => r !== "customer");
