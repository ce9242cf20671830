import { randomUUID } from "node:crypto";
import type { TIdentity } from "@signpost/contracts";

/** A fresh workspace with one person per role and two customer organizations. */
export function testWorkspace() {
  const workspaceId = randomUUID();
  const orgA = randomUUID();
  const orgB = randomUUID();
  const person = (
    name: string,
    roles: TIdentity["roles"],
    orgId: string | null = null,
  ): TIdentity => ({
    userId: randomUUID(),
    workspaceId,
    roles,
    orgId,
    name,
  });
  return {
    workspaceId,
    orgA,
    orgB,
    customerA: person("Customer A", ["customer"], orgA),
    customerB: person("Customer B", ["customer"], orgB),
    agent: person("Agent", ["agent"]),
    editor: person("Editor", ["kb_editor"]),
    admin: person("Admin", ["admin"]),
  };
}
