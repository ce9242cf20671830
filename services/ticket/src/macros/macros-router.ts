import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  AppError,
  ZApplyMacroInput,
  ZComment,
  ZCreateMacroInput,
  ZCreateTemplateInput,
  ZMacro,
  ZMacroRef,
  ZPortalTemplate,
  ZTicketTemplate,
} from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import { authedProcedure, router } from "@signpost/service-kit";
import type { TicketDeps } from "../deps.ts";
import { applyMacro, previewMacro } from "./apply-macro.ts";
import { listMacros } from "./list-macros.ts";
import { macroRepository } from "./macro-repository.ts";

export const macrosRouter = (deps: TicketDeps) =>
  router({
    list: authedProcedure
      .output(z.array(ZMacro))
      .query(({ ctx }) => listMacros(deps, ctx.identity)),
    create: authedProcedure
      .input(ZCreateMacroInput)
      .output(ZMacro)
      .mutation(async ({ ctx, input }) => {
        authorize(ctx.identity, "ticket.macro.use");
        const macro = { id: randomUUID(), ...input };
        await macroRepository.insertMacro(
          deps.db,
          ctx.identity.workspaceId,
          ctx.identity.userId,
          macro,
        );
        return macro;
      }),
    delete: authedProcedure
      .input(ZMacroRef)
      .output(z.object({ deleted: z.literal(true) }))
      .mutation(async ({ ctx, input }) => {
        authorize(ctx.identity, "ticket.configure");
        if (
          !(await macroRepository.removeMacro(deps.db, ctx.identity.workspaceId, input.macroId))
        ) {
          throw new AppError("NOT_FOUND", "Not found");
        }
        return { deleted: true as const };
      }),
    preview: authedProcedure
      .input(ZApplyMacroInput)
      .output(z.object({ body: z.string() }))
      .query(async ({ ctx, input }) => ({
        body: await previewMacro(deps, ctx.identity, input.macroId, input.ticketId),
      })),
    applyTo: authedProcedure
      .input(ZApplyMacroInput)
      .output(ZComment)
      .mutation(({ ctx, input }) =>
        applyMacro(deps, ctx.identity, input.macroId, input.ticketId, ctx.requestId),
      ),
    templates: authedProcedure.output(z.array(ZTicketTemplate)).query(({ ctx }) => {
      authorize(ctx.identity, "ticket.macro.use");
      return macroRepository.templates(deps.db, ctx.identity.workspaceId);
    }),
    /** Customers' listing for the new-ticket form: only templates tagged for the portal. */
    portalTemplates: authedProcedure.output(z.array(ZPortalTemplate)).query(({ ctx }) => {
      authorize(ctx.identity, "ticket.create");
      return macroRepository.portalTemplates(deps.db, ctx.identity.workspaceId);
    }),
    createTemplate: authedProcedure
      .input(ZCreateTemplateInput)
      .output(ZTicketTemplate)
      .mutation(async ({ ctx, input }) => {
        authorize(ctx.identity, "ticket.configure");
        const template = { id: randomUUID(), ...input };
        await macroRepository.insertTemplate(deps.db, ctx.identity.workspaceId, template);
        return template;
      }),
  });
