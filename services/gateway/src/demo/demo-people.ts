import type { TIdentity } from "@signpost/contracts";

/**
 * The demo workspace's people. Their ids are fixed so a restart finds them again and the README can
 * list their logins.
 */
export const demoWorkspaceId = "0d3e6c1a-6b1f-4c8e-9a51-5a2b7c9d0001";
export const demoOrgId = "0d3e6c1a-6b1f-4c8e-9a51-5a2b7c9d0101";

const person = (
  userId: string,
  name: string,
  roles: TIdentity["roles"],
  orgId: string | null = null,
) => ({ userId, name, roles, orgId, workspaceId: demoWorkspaceId }) satisfies TIdentity;

export const demoPeople = {
  customer: person(
    "0d3e6c1a-6b1f-4c8e-9a51-5a2b7c9d1001",
    "Casey Customer",
    ["customer"],
    demoOrgId,
  ),
  agent: person("0d3e6c1a-6b1f-4c8e-9a51-5a2b7c9d1002", "Avery Agent", ["agent"]),
  editor: person("0d3e6c1a-6b1f-4c8e-9a51-5a2b7c9d1003", "Emery Editor", ["kb_editor"]),
  admin: person("0d3e6c1a-6b1f-4c8e-9a51-5a2b7c9d1004", "Alex Admin", ["admin", "agent"]),
} as const;
