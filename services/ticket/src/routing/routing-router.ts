import { z } from "zod";
import {
  AppError,
  ZAgentSettings,
  ZRoutingConfig,
  ZSetAgentSettingsInput,
  ZSetCategoryRouteInput,
} from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import { authedProcedure, router } from "@signpost/service-kit";
import type { TicketDeps } from "../deps.ts";
import { directoryRepository } from "../directory/directory-repository.ts";
import { checkCategory } from "../fields/validate-fields.ts";
import { routingRepository } from "./routing-repository.ts";

/** Routing: which category goes to which group, and each agent's availability and capacity. */
export const routingRouter = (deps: TicketDeps) =>
  router({
    config: authedProcedure.output(ZRoutingConfig).query(async ({ ctx }) => {
      authorize(ctx.identity, "ticket.update");
      const ws = ctx.identity.workspaceId;
      return {
        routes: await routingRepository.routes(deps.db, ws),
        agents: await routingRepository.settings(deps.db, ws),
        groups: await directoryRepository.groups(deps.db, ws),
      };
    }),
    setCategoryGroup: authedProcedure
      .input(ZSetCategoryRouteInput)
      .output(z.object({ category: z.string(), groupId: z.uuid().nullable() }))
      .mutation(async ({ ctx, input }) => {
        authorize(ctx.identity, "ticket.configure");
        const ws = ctx.identity.workspaceId;
        await checkCategory(deps.db, ws, input.category);
        if (input.groupId && !(await directoryRepository.findGroup(deps.db, ws, input.groupId))) {
          throw new AppError("BAD_REQUEST", "Unknown group");
        }
        await routingRepository.setCategoryRoute(deps.db, ws, input.category, input.groupId);
        return input;
      }),
    /** Agents mark themselves away; admins set anyone's availability and capacity. */
    setAgent: authedProcedure
      .input(ZSetAgentSettingsInput)
      .output(ZAgentSettings)
      .mutation(async ({ ctx, input }) => {
        const who = ctx.identity;
        authorize(who, input.userId === who.userId ? "ticket.update" : "ticket.configure");
        if (input.capacity !== undefined && !who.roles.includes("admin")) {
          throw new AppError("FORBIDDEN", "Only an admin sets capacity");
        }
        const current = (await routingRepository.settings(deps.db, who.workspaceId)).find(
          (s) => s.userId === input.userId,
        );
        const next = {
          userId: input.userId,
          away: input.away ?? current?.away ?? false,
          capacity: input.capacity === undefined ? (current?.capacity ?? null) : input.capacity,
        };
        await routingRepository.saveSettings(deps.db, who.workspaceId, next);
        return next;
      }),
  });
