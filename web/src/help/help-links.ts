import { getWorkspaceHint } from "../trpc.ts";

/** A help-center path that keeps a signed-out reader in the workspace they came to. */
export function helpHref(path: string): string {
  const slug = getWorkspaceHint();
  return slug ? `${path}?workspace=${encodeURIComponent(slug)}` : path;
}
