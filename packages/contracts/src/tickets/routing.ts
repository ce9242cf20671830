import { z } from "zod";

export const ZAgentSettings = z.object({
  userId: z.uuid(),
  away: z.boolean(),
  /** Most tickets not yet resolved the agent may hold; null = no limit. */
  capacity: z.number().int().min(1).max(1000).nullable(),
});
export type TAgentSettings = z.infer<typeof ZAgentSettings>;

export const ZSetAgentSettingsInput = z.object({
  userId: z.uuid(),
  away: z.boolean().optional(),
  capacity: z.number().int().min(1).max(1000).nullable().optional(),
});

export const ZCategoryRoute = z.object({ category: z.string(), groupId: z.uuid() });
export const ZSetCategoryRouteInput = z.object({
  category: z.string().trim().min(1).max(64),
  /** null removes the rule. */
  groupId: z.uuid().nullable(),
});

export const ZRoutingConfig = z.object({
  routes: z.array(ZCategoryRoute),
  agents: z.array(ZAgentSettings),
  groups: z.array(z.object({ groupId: z.uuid(), name: z.string(), memberIds: z.array(z.uuid()) })),
});
