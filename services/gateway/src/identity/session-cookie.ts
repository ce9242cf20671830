import { serialize } from "hono/utils/cookie";

export const sessionCookieName = "sp_session";

/** httpOnly so scripts never see it; SameSite=Lax so other sites' forms do not carry it. */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return serialize(sessionCookieName, token, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure,
    maxAge: maxAgeSeconds,
  });
}

export const clearedSessionCookie = (secure: boolean) => sessionCookie("", 0, secure);
