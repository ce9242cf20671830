import { useEffect } from "react";
import { navigate } from "../router.tsx";

/** Replaces the current URL with `to` (no history entry). */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

/** Only same-origin paths, so a crafted ?next= cannot send someone elsewhere after sign-in. */
export const safeNext = (next: string | null) =>
  next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/signin")
    ? next
    : null;
