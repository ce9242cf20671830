import type { Db } from "@signpost/db";
import { ZPreferences, ZUpdatePreferencesInput } from "@signpost/contracts";
import { authedProcedure, router } from "@signpost/service-kit";
import { getPreferences, updatePreferences } from "./preferences.ts";

export const preferencesRouter = (db: Db) =>
  router({
    get: authedProcedure.output(ZPreferences).query(({ ctx }) => getPreferences(db, ctx.identity)),
    update: authedProcedure
      .input(ZUpdatePreferencesInput)
      .output(ZPreferences)
      .mutation(({ ctx, input }) => updatePreferences(db, ctx.identity, input)),
  });
