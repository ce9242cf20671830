import { AppError } from "@signpost/contracts";

const loopbackHosts = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** HTTPS only; plain HTTP to this machine when allowed (development and tests). */
export function checkEndpointUrl(raw: string, allowLoopback: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError("BAD_REQUEST", "url must be an absolute URL");
  }
  if (url.username || url.password) {
    throw new AppError("BAD_REQUEST", "url must not carry credentials");
  }
  if (url.protocol === "https:") return url.toString();
  if (url.protocol === "http:" && allowLoopback && loopbackHosts.has(url.hostname)) {
    return url.toString();
  }
  throw new AppError("BAD_REQUEST", "url must start with https://");
}
