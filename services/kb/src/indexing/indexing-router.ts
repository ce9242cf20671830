import { z } from "zod";
import type { Db } from "@signpost/db";
import { authedProcedure, router } from "@signpost/service-kit";
import { listPendingIndexing } from "./list-pending.ts";

export const indexingRouter = (db: Db) =>
  router({
    pending: authedProcedure
      .output(
        z.array(
          z.object({
            ticketId: z.uuid(),
            number: z.number().int(),
            requestedAt: z.iso.datetime({ offset: true }),
          }),
        ),
      )
      .query(({ ctx }) => listPendingIndexing(db, ctx.identity)),
  });
