import { z } from "zod";
import {
  ZCategoryDef,
  ZCustomFieldDef,
  ZDefineCustomFieldInput,
  ZSetCategoriesInput,
} from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import { authedProcedure, router } from "@signpost/service-kit";
import type { TicketDeps } from "../deps.ts";
import { auditRepository } from "../audit/audit-repository.ts";
import { asPerson } from "../shared/actor.ts";
import { fieldRepository } from "./field-repository.ts";

/** Workspace configuration of ticket fields: categories and typed custom fields. */
export const fieldsRouter = (deps: TicketDeps) =>
  router({
    categories: authedProcedure.output(z.array(ZCategoryDef)).query(({ ctx }) => {
      authorize(ctx.identity, "ticket.list");
      return fieldRepository.categories(deps.db, ctx.identity.workspaceId);
    }),
    setCategories: authedProcedure
      .input(ZSetCategoriesInput)
      .output(z.array(ZCategoryDef))
      .mutation(async ({ ctx, input }) => {
        authorize(ctx.identity, "ticket.configure");
        const ws = ctx.identity.workspaceId;
        return deps.db.transaction(async (tx) => {
          const before = await fieldRepository.categories(tx, ws);
          await fieldRepository.setCategories(tx, ws, input.categories);
          const after = await fieldRepository.categories(tx, ws);
          await auditRepository.record(tx, asPerson(ctx.identity), {
            ticketId: null,
            action: "categories.set",
            changes: [{ field: "categories", from: before, to: after }],
          });
          return after;
        });
      }),
    customFields: authedProcedure.output(z.array(ZCustomFieldDef)).query(({ ctx }) => {
      authorize(ctx.identity, "ticket.list");
      return fieldRepository.customFields(deps.db, ctx.identity.workspaceId);
    }),
    defineCustomField: authedProcedure
      .input(ZDefineCustomFieldInput)
      .output(ZCustomFieldDef)
      .mutation(async ({ ctx, input }) => {
        authorize(ctx.identity, "ticket.configure");
        await deps.db.transaction(async (tx) => {
          await fieldRepository.defineCustomField(tx, ctx.identity.workspaceId, input);
          await auditRepository.record(tx, asPerson(ctx.identity), {
            ticketId: null,
            action: "custom_field.defined",
            changes: [{ field: input.key, from: null, to: input }],
          });
        });
        return input;
      }),
  });
