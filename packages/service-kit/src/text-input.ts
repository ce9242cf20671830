/** A NUL, or half of a UTF-16 surrogate pair with no other half (not a character at all). */
const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Whether `value` holds, anywhere inside, a string Postgres cannot store: a NUL character (text
 * refuses it) or a lone surrogate (jsonb refuses its escape, text would get a replacement
 * character). Such input is refused up front as a bad request instead of surfacing as an internal
 * error from whichever statement meets it first.
 */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return unstorable.test(value);
  if (depth > 64 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => unstorable.test(k) || containsNul(v, depth + 1));
}

/** Postgres errors that mean the client's text could not be stored, not that the server broke. */
const badTextCodes = new Set(["22021", "22P05"]);

export function isBadTextError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && badTextCodes.has(code);
}

/** Postgres classes 08 (connection) and 57P (shutdown, terminated) and dropped sockets. */
const transientCodes = new Set(["57P01", "57P02", "57P03", "ECONNRESET", "ECONNREFUSED", "EPIPE"]);

/**
 * Whether `error` means the database connection went away (a failover, a restart, a terminated
 * backend): the request may simply be retried, so it answers 503 rather than 500.
 */
export function isTransientDbError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (typeof e?.code === "string" && (transientCodes.has(e.code) || e.code.startsWith("08"))) {
    return true;
  }
  return (
    typeof e?.message === "string" &&
    /Connection terminated|not queryable|terminating connection/i.test(e.message)
  );
}
