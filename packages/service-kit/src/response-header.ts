import type { Context } from "hono";

/**
 * Sets a header on the response of `c` after the handler ran. A response passed through from
 * elsewhere (a proxied fetch's) has immutable headers, so it is replaced by a copy; and the copy
 * is installed without Hono's merge, which would clone the immutable original again.
 */
export function setResponseHeader(c: Context, name: string, value: string): void {
  if (c.res.headers.get(name) === value) return;
  try {
    c.res.headers.set(name, value);
  } catch {
    const original = c.res;
    const headers = new Headers(original.headers);
    headers.set(name, value);
    c.res = undefined;
    c.res = new Response(original.body, {
      status: original.status,
      statusText: original.statusText,
      headers,
    });
  }
}
