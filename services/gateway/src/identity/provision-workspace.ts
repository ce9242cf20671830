import type { Db } from "@signpost/db";
import type { TRole } from "@signpost/contracts";
import { directoryRepository } from "./directory-repository.ts";
import { hashPassword } from "./password.ts";
import { announceUser } from "./announce-directory.ts";
import { userRepository } from "./user-repository.ts";

export interface WorkspacePlan {
  id: string;
  slug: string;
  name: string;
  organizations: { id: string; name: string; domain?: string }[];
  people: {
    id: string;
    email: string;
    name: string;
    password: string;
    roles: TRole[];
    orgId?: string;
  }[];
}

/**
 * Creates a workspace with its organizations and people (bootstrap, demo data, tests). Idempotent:
 * what exists already is left as it is.
 */
export async function provisionWorkspace(db: Db, plan: WorkspacePlan): Promise<void> {
  const hashes = await Promise.all(plan.people.map((p) => hashPassword(p.password)));
  await db.transaction(async (tx) => {
    await userRepository.upsertWorkspace(tx, plan);
    for (const org of plan.organizations) {
      await directoryRepository.insertOrg(tx, {
        ...org,
        workspaceId: plan.id,
        domain: org.domain ?? null,
      });
    }
    for (const [i, p] of plan.people.entries()) {
      const user = await userRepository.insert(tx, {
        ...p,
        workspaceId: plan.id,
        passwordHash: hashes[i] as string,
        orgId: p.orgId ?? null,
      });
      if (user) await announceUser(tx, plan.id, user.id);
    }
  });
}
