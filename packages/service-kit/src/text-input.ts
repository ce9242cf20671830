/**
 * Whether `value` holds, anywhere inside, a string with a NUL character. Postgres text cannot
 * store one (it fails the statement), so such input is refused up front as a bad request instead
 * of surfacing as an internal error.
 */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 64 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes("\u0000") || containsNul(v, depth + 1));
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
  return typeof e?.message === "string" && /^Connection terminated/.test(e.message);
}
