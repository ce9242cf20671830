import { useEffect, useRef, type ReactNode } from "react";
import type { TMe } from "@signpost/contracts";
import { Link, useLocation } from "../router.tsx";
import { canUse, homeFor, useSignOut, type Area } from "../session.ts";
import { getWorkspaceHint } from "../trpc.ts";
import { areaLabels } from "./areas.ts";
import { useLiveUpdates } from "./live-updates.ts";

const order: Area[] = ["portal", "agent", "kb", "reports", "admin", "help"];

/** Header with the areas this person's roles open, who is signed in, and sign-out. */
export function Layout({
  me,
  current,
  extra,
  children,
}: {
  me: TMe;
  current: Area | null;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const signOut = useSignOut();
  useLiveUpdates(me.userId);
  const { path } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // Moving focus to the content on navigation tells screen readers the page changed.
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus({ preventScroll: true });
  }, [path]);
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <Link to={homeFor(me.roles)} className="brand">
          Signpost
        </Link>
        <nav aria-label="Main">
          <ul>
            {order
              .filter((a) => canUse(me.roles, a))
              .map((a) => (
                <li key={a}>
                  <Link to={`/${a}`} aria-current={a === current ? "page" : undefined}>
                    {areaLabels[a]}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <div className="topbar-user">
          {extra}
          <span className="muted" title={me.email}>
            {me.name}
          </span>
          <button
            type="button"
            className="button-quiet"
            onClick={() => signOut.mutate()}
            disabled={signOut.isPending}
          >
            Sign out
          </button>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** The help center for signed-out readers: the content and a way to sign in. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { path } = useLocation();
  const workspace = getWorkspaceHint();
  const query = new URLSearchParams({ next: path, ...(workspace ? { workspace } : {}) });
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Signpost</span>
        <div className="topbar-user">
          <Link to={`/signin?${query.toString()}`}>Sign in</Link>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
