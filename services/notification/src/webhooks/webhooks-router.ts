import { z } from "zod";
import {
  ZCreatedWebhook,
  ZCreateWebhookInput,
  ZWebhookDelivery,
  ZWebhookEndpoint,
  ZWebhookRef,
} from "@signpost/contracts";
import { authedProcedure, router } from "@signpost/service-kit";
import type { NotificationDeps } from "../deps.ts";
import {
  createWebhook,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  subscribableTypes,
} from "./webhooks.ts";

export const webhooksRouter = (deps: NotificationDeps) =>
  router({
    list: authedProcedure
      .output(z.array(ZWebhookEndpoint))
      .query(({ ctx }) => listWebhooks(deps.db, ctx.identity)),
    eventTypes: authedProcedure
      .output(z.array(z.string()))
      .query(({ ctx }) => subscribableTypes(ctx.identity)),
    create: authedProcedure
      .input(ZCreateWebhookInput)
      .output(ZCreatedWebhook)
      .mutation(({ ctx, input }) =>
        createWebhook(deps.db, ctx.identity, input, deps.options.allowLoopbackWebhooks ?? false),
      ),
    delete: authedProcedure
      .input(ZWebhookRef)
      .output(z.object({ deleted: z.boolean() }))
      .mutation(({ ctx, input }) => deleteWebhook(deps.db, ctx.identity, input.endpointId)),
    deliveries: authedProcedure
      .input(ZWebhookRef)
      .output(z.array(ZWebhookDelivery))
      .query(({ ctx, input }) => listDeliveries(deps.db, ctx.identity, input.endpointId)),
  });
