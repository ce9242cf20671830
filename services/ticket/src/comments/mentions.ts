import { AppError } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { directoryRepository } from "../directory/directory-repository.ts";

const mentionPattern = /(?:^|[^\w@])@([\w.+-]+(?:@[\w-]+(?:\.[\w-]+)+)?)/g;

/** The `@handle` words of a text (`@ana`, `@ana@example.com`), lower-cased. */
export const mentionHandles = (body: string): string[] =>
  [...body.matchAll(mentionPattern)].map((m) => (m[1] ?? "").toLowerCase().replace(/\.$/, ""));

/**
 * The staff a comment mentions: the ids given (each must be active staff) plus every `@handle`
 * in the body that names one by address or the part of it before the @.
 */
export async function resolveMentions(
  sql: Sql,
  workspaceId: string,
  body: string,
  explicitIds: string[],
): Promise<string[]> {
  const handles = mentionHandles(body);
  if (handles.length === 0 && explicitIds.length === 0) return [];
  const staff = await directoryRepository.activeStaff(sql, workspaceId);
  const byId = new Set(staff.map((p) => p.userId));
  const unknown = explicitIds.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw new AppError("BAD_REQUEST", "Only active staff of this workspace can be mentioned");
  }
  const found = new Set(explicitIds);
  for (const p of staff) {
    const email = p.email.toLowerCase();
    const local = email.split("@")[0];
    if (handles.some((h) => h === email || h === local)) found.add(p.userId);
  }
  return [...found];
}
