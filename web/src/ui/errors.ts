import { TRPCClientError } from "@trpc/client";

interface ErrorData {
  code?: string;
  requestId?: string;
  issues?: { path: (string | number)[]; message: string }[];
}

const dataOf = (error: unknown): ErrorData =>
  error instanceof TRPCClientError ? ((error.data ?? {}) as ErrorData) : {};

/** The tRPC code of a failed call ("UNAUTHORIZED", "NOT_FOUND", ...), or undefined. */
export const errorCode = (error: unknown) => dataOf(error).code;

/** Validation messages per input field, for showing beside the field that caused them. */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of dataOf(error).issues ?? []) {
    const key = String(issue.path[0] ?? "");
    out[key] ??= issue.message;
  }
  return out;
}

/** A failure outside tRPC whose message is already written for the person (e.g. an upload). */
export class UserFacingError extends Error {}

/** One sentence a person can act on; internal failures carry the request id for support. */
export function errorMessage(error: unknown): string {
  if (error instanceof UserFacingError) return error.message;
  const data = dataOf(error);
  if (data.issues?.length) return data.issues.map((i) => i.message).join("; ");
  if (error instanceof TypeError || (error instanceof Error && error.cause instanceof TypeError))
    return "Could not reach Signpost. Check your connection.";
  if (data.code === "NOT_FOUND") return "This was not found, or you do not have access to it.";
  if (error instanceof TRPCClientError && error.message && data.code !== "INTERNAL_SERVER_ERROR")
    return error.message;
  const ref = data.requestId ? ` (reference ${data.requestId})` : "";
  return `Something went wrong${ref}. Please try again.`;
}
