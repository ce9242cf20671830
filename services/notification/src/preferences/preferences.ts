import type { z } from "zod";
import {
  notificationKinds,
  type TIdentity,
  type TPreferences,
  type ZUpdatePreferencesInput,
} from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { authorize } from "@signpost/policy";
import { defaultPreferences } from "./defaults.ts";
import { preferenceRepository } from "./preference-repository.ts";

/** The caller's settings for every kind, their own choice or the default. */
export async function getPreferences(db: Db, who: TIdentity): Promise<TPreferences> {
  authorize(who, "notification.preferences");
  const mine = await preferenceRepository.get(db, who.userId);
  return {
    kinds: notificationKinds.map(
      (kind) => mine.kinds.get(kind) ?? { kind, ...defaultPreferences[kind] },
    ),
    digest: mine.digest,
  };
}

export async function updatePreferences(
  db: Db,
  who: TIdentity,
  input: z.infer<typeof ZUpdatePreferencesInput>,
): Promise<TPreferences> {
  authorize(who, "notification.preferences");
  await db.transaction(async (tx) => {
    for (const k of input.kinds ?? []) {
      await preferenceRepository.setKind(tx, who.workspaceId, who.userId, k);
    }
    if (input.digest) {
      await preferenceRepository.setDigest(tx, who.workspaceId, who.userId, input.digest);
    }
  });
  return getPreferences(db, who);
}
