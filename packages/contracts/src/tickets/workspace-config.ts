import { z } from "zod";
import { ZTicketStatus } from "./ticket.ts";

const ZKey = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9_]+$/, "keys are lower-case letters, digits and _");

/** A status as a workspace defines it: its own key and label, mapped to one of the five kinds. */
export const ZStatusDef = z.object({
  key: z.string(),
  label: z.string(),
  kind: ZTicketStatus,
  builtIn: z.boolean(),
});
export type TStatusDef = z.infer<typeof ZStatusDef>;

export const ZCreateStatusInput = z.object({
  key: ZKey,
  label: z.string().trim().min(1).max(64),
  kind: ZTicketStatus,
});

export const ZCategoryDef = z.object({ key: z.string(), label: z.string(), active: z.boolean() });
export type TCategoryDef = z.infer<typeof ZCategoryDef>;

export const ZSetCategoriesInput = z.object({
  categories: z
    .array(z.object({ key: ZKey, label: z.string().trim().min(1).max(64) }))
    .min(1, "a workspace needs at least one category")
    .max(100),
});

export const customFieldTypes = ["text", "number", "select", "date"] as const;
export const ZCustomFieldDef = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(customFieldTypes),
  options: z.array(z.string()),
  required: z.boolean(),
  active: z.boolean(),
});
export type TCustomFieldDef = z.infer<typeof ZCustomFieldDef>;

export const ZDefineCustomFieldInput = z
  .object({
    key: ZKey,
    label: z.string().trim().min(1).max(64),
    type: z.enum(customFieldTypes),
    options: z.array(z.string().trim().min(1).max(64)).max(100).default([]),
    required: z.boolean().default(false),
    active: z.boolean().default(true),
  })
  .refine((f) => f.type !== "select" || f.options.length > 0, {
    message: "a select field needs options",
    path: ["options"],
  });
