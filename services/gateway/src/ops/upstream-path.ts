/** Endpoints for the cluster's eyes only: probes and metrics stay off the public `/api/*` routes. */
const internalOnly = /^\/(metrics|healthz|readyz)(\/|$)/;

/**
 * Whether `path` (what follows `/api/<service>`) may be forwarded to the service. The path is
 * compared the way the service's router will see it: percent-decoded, repeated slashes merged,
 * any case, so `/%6Detrics` or `//Metrics/` do not slip past.
 */
export function forwardable(path: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false;
  }
  const normal = decoded.replace(/\/{2,}/g, "/").toLowerCase();
  return !internalOnly.test(normal);
}
