/**
 * The content types people may attach, each with the leading bytes its files must start with, so a
 * declared `image/png` that is really an executable is refused. Text types must hold no NUL byte.
 */
const signatures: Record<string, number[][] | "text"> = {
  "image/png": [[0x89, 0x50, 0x4e, 0x47]],
  "image/jpeg": [[0xff, 0xd8, 0xff]],
  "image/gif": [[0x47, 0x49, 0x46, 0x38]],
  "image/webp": [[0x52, 0x49, 0x46, 0x46]],
  "application/pdf": [[0x25, 0x50, 0x44, 0x46]],
  "application/zip": [[0x50, 0x4b, 0x03, 0x04]],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [
    [0x50, 0x4b, 0x03, 0x04],
  ],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [[0x50, 0x4b, 0x03, 0x04]],
  "text/plain": "text",
  "text/csv": "text",
  "application/json": "text",
};

export const allowedContentTypes = Object.keys(signatures);

/** The declared type without parameters (`text/plain; charset=utf-8` → `text/plain`). */
export const baseType = (contentType: string) =>
  contentType.split(";")[0]?.trim().toLowerCase() ?? "";

/** Whether the first bytes of a file match its declared type; unknown types never do. */
export function contentMatches(contentType: string, head: Buffer): boolean {
  const rule = signatures[baseType(contentType)];
  if (!rule) return false;
  if (rule === "text") return !head.includes(0);
  return rule.some((sig) => sig.every((byte, i) => head[i] === byte));
}
