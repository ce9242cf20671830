import { AppError } from "@signpost/contracts";
import type { z } from "zod";

/** Parses input with a contract schema; a bad value is a 400 naming the field. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
  throw new AppError("BAD_REQUEST", message, parsed.error.issues);
}

/** `a,b` query values as lists, `none` as null (unassigned, no group). */
export const listParam = (v: string | undefined, nullable = false) =>
  v === undefined
    ? undefined
    : v.split(",").map((x) => (nullable && x === "none" ? null : x.trim()));
