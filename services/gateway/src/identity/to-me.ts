import type { TIdentity, TMe } from "@signpost/contracts";
import type { UserRow } from "./user-repository.ts";

export const identityOf = (u: UserRow): TIdentity => ({
  userId: u.id,
  workspaceId: u.workspace_id,
  roles: u.roles,
  orgId: u.org_id,
  name: u.name,
});

export const toMe = (u: UserRow, workspaceName: string, csrfToken: string): TMe => ({
  ...identityOf(u),
  workspaceName,
  email: u.email,
  csrfToken,
});
