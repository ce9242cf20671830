import type { TIdentity } from "@signpost/contracts";
import type { WorkspacePlan } from "../identity/provision-workspace.ts";

/**
 * The demo workspace's people. Ids are fixed so a restart finds them again; the README lists their
 * logins (all share the demo password).
 */
export const demoWorkspaceId = "0d3e6c1a-6b1f-4c8e-9a51-5a2b7c9d0001";
export const demoOrgId = "0d3e6c1a-6b1f-4c8e-9a51-5a2b7c9d0101";
export const demoPassword = "signpost-demo";

const person = (
  userId: string,
  name: string,
  email: string,
  roles: TIdentity["roles"],
  orgId: string | null = null,
) => ({
  identity: { userId, name, roles, orgId, workspaceId: demoWorkspaceId } satisfies TIdentity,
  email,
});

export const demoPeople = {
  customer: person(
    "0d3e6c1a-6b1f-4c8e-9a51-5a2b7c9d1001",
    "Casey Customer",
    "customer@example.com",
    ["customer"],
    demoOrgId,
  ),
  agent: person("0d3e6c1a-6b1f-4c8e-9a51-5a2b7c9d1002", "Avery Agent", "agent@example.com", [
    "agent",
  ]),
  editor: person("0d3e6c1a-6b1f-4c8e-9a51-5a2b7c9d1003", "Emery Editor", "editor@example.com", [
    "kb_editor",
  ]),
  admin: person("0d3e6c1a-6b1f-4c8e-9a51-5a2b7c9d1004", "Alex Admin", "admin@example.com", [
    "admin",
    "agent",
  ]),
} as const;

export const demoWorkspace: WorkspacePlan = {
  id: demoWorkspaceId,
  slug: "demo",
  name: "Demo Support",
  organizations: [{ id: demoOrgId, name: "Acme Corp", domain: "example.com" }],
  people: Object.values(demoPeople).map((p) => ({
    id: p.identity.userId,
    email: p.email,
    name: p.identity.name,
    password: demoPassword,
    roles: p.identity.roles,
    ...(p.identity.orgId ? { orgId: p.identity.orgId } : {}),
  })),
};
