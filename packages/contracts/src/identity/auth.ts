import { z } from "zod";
import { ZRole } from "./identity.ts";

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "email is too long")
  .pipe(z.email({ error: "must be a valid email address" }));

/** Long enough to resist guessing, short enough that hashing it stays cheap. */
export const ZPassword = z
  .string()
  .min(10, "password must be at least 10 characters")
  .max(200, "password must be at most 200 characters");

export const ZWorkspaceSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "must be a workspace slug (letters, digits and -)");

export const ZSignInInput = z.object({
  email: ZEmail,
  password: z.string().min(1, "password is required").max(200),
  /** Which workspace to sign in to; the deployment's default when omitted. */
  workspace: ZWorkspaceSlug.optional(),
});

/** The signed-in person as the web app sees them, with the token it echoes on writes (CSRF). */
export const ZMe = z.object({
  userId: z.uuid(),
  workspaceId: z.uuid(),
  workspaceName: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(ZRole),
  orgId: z.uuid().nullable(),
  csrfToken: z.string(),
});
export type TMe = z.infer<typeof ZMe>;

export const ZRequestPasswordResetInput = z.object({
  email: ZEmail,
  workspace: ZWorkspaceSlug.optional(),
});

export const ZResetPasswordInput = z.object({
  token: z.string().min(20).max(200),
  password: ZPassword,
});

export const ZAcceptInvitationInput = z.object({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(1, "name is required").max(120),
  password: ZPassword,
});
