import type { TRole } from "@signpost/contracts";

/** A person of a workspace as the directory projection knows them. */
export interface Person {
  userId: string;
  workspaceId: string;
  email: string;
  name: string;
  roles: TRole[];
  orgId: string | null;
  active: boolean;
}

export const isStaffPerson = (p: Person) => p.roles.some((r) => r !== "customer");
export const isAgent = (p: Person) => p.roles.includes("agent");
