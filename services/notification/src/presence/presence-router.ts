import { z } from "zod";
import {
  ZPresenceBeatInput,
  ZPresenceLeaveInput,
  ZPresenceTicketInput,
  ZTicketPresence,
} from "@signpost/contracts";
import { authedProcedure, router } from "@signpost/service-kit";
import { beatPresence, leavePresence, listPresence } from "./presence.ts";
import type { PresenceStore } from "./presence-store.ts";

export const presenceRouter = (store: PresenceStore) =>
  router({
    beat: authedProcedure
      .input(ZPresenceBeatInput)
      .output(z.object({ ok: z.literal(true) }))
      .mutation(async ({ ctx, input }) => {
        await beatPresence(store, ctx.identity, input);
        return { ok: true as const };
      }),
    leave: authedProcedure
      .input(ZPresenceLeaveInput)
      .output(z.object({ ok: z.literal(true) }))
      .mutation(async ({ ctx, input }) => {
        await leavePresence(store, ctx.identity, input);
        return { ok: true as const };
      }),
    list: authedProcedure
      .input(ZPresenceTicketInput)
      .output(ZTicketPresence)
      .query(({ ctx, input }) => listPresence(store, ctx.identity, input)),
  });
