import { AppError, type TCategoryDef, type TCustomFieldDef } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { fieldRepository } from "./field-repository.ts";

/** Refuses a category the workspace does not offer. */
export async function checkCategory(sql: Sql, workspaceId: string, category: string) {
  assertCategory(await fieldRepository.categories(sql, workspaceId), category);
}

/** `checkCategory` on categories already read. */
export function assertCategory(cats: TCategoryDef[], category: string) {
  if (!cats.some((c) => c.key === category && c.active)) {
    throw new AppError(
      "BAD_REQUEST",
      `Unknown category "${category}"; use one of ${cats
        .filter((c) => c.active)
        .map((c) => c.key)
        .join(", ")}`,
    );
  }
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Checks one value against its definition; returns the error message or null. */
export function fieldError(def: TCustomFieldDef, value: string | number | null): string | null {
  if (value === null) return def.required ? `${def.label} is required` : null;
  switch (def.type) {
    case "text":
      return typeof value === "string" ? null : `${def.label} must be text`;
    case "number":
      return typeof value === "number" && Number.isFinite(value)
        ? null
        : `${def.label} must be a number`;
    case "select":
      return typeof value === "string" && def.options.includes(value)
        ? null
        : `${def.label} must be one of ${def.options.join(", ")}`;
    case "date":
      return typeof value === "string" && isoDate.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : `${def.label} must be a date (YYYY-MM-DD)`;
  }
}

/**
 * Merges `values` into `current` after checking each against the workspace's definitions; unknown
 * or inactive keys, wrong types and missing required fields are BAD_REQUEST.
 */
export async function checkCustomFields(
  sql: Sql,
  workspaceId: string,
  current: Record<string, string | number | null>,
  values: Record<string, string | number | null>,
  creating: boolean,
): Promise<Record<string, string | number | null>> {
  const defs = await fieldRepository.customFields(sql, workspaceId);
  return mergeCustomFields(defs, current, values, creating);
}

/** `checkCustomFields` on definitions already read. */
export function mergeCustomFields(
  defs: TCustomFieldDef[],
  current: Record<string, string | number | null>,
  values: Record<string, string | number | null>,
  creating: boolean,
): Record<string, string | number | null> {
  const merged = { ...current };
  for (const [key, value] of Object.entries(values)) {
    const def = defs.find((d) => d.key === key && d.active);
    if (!def) throw new AppError("BAD_REQUEST", `Unknown field "${key}"`);
    const error = fieldError(def, value);
    if (error) throw new AppError("BAD_REQUEST", error);
    merged[key] = value;
  }
  if (creating) {
    const missing = defs.find((d) => d.active && d.required && merged[d.key] == null);
    if (missing) throw new AppError("BAD_REQUEST", `${missing.label} is required`);
  }
  return merged;
}
