import { z } from "zod";
import type { Db } from "@signpost/db";
import { ZNotification } from "@signpost/contracts";
import { authedProcedure, router } from "@signpost/service-kit";
import { listNotifications } from "./list-notifications.ts";

export const notificationsRouter = (db: Db) =>
  router({
    list: authedProcedure
      .input(
        z.object({ limit: z.number().int().min(1).max(100).default(50) }).default({ limit: 50 }),
      )
      .output(z.array(ZNotification))
      .query(({ ctx, input }) => listNotifications(db, ctx.identity, input.limit)),
  });
