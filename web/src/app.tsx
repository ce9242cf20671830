import { Suspense } from "react";
import { matchPath, useLocation } from "./router.tsx";
import { canUse, homeFor, isStaffRole, useMe } from "./session.ts";
import { areaOf, areaPages } from "./shell/areas.ts";
import { ErrorBoundary } from "./shell/error-boundary.tsx";
import { Layout, PublicLayout } from "./shell/layout.tsx";
import { NotificationBell } from "./shell/notification-bell.tsx";
import { Redirect, safeNext } from "./shell/redirect.tsx";
import { SignInPage } from "./shell/sign-in-page.tsx";
import { ErrorNotice, Loading } from "./ui/states.tsx";

/**
 * Signed out: sign-in, or the public help center. Signed in: the area the URL names, if this
 * person's roles open it.
 */
export function App() {
  const me = useMe();
  const { path, search } = useLocation();
  if (me.isPending) return <Loading label="Loading Signpost…" />;
  if (me.isError)
    return (
      <main id="main">
        <ErrorNotice error={me.error} retry={() => void me.refetch()} />
      </main>
    );
  const person = me.data;
  const area = areaOf(path);
  const Page = area ? areaPages[area] : null;
  const page = Page && (
    <ErrorBoundary key={area}>
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    </ErrorBoundary>
  );
  if (!person) {
    if (path === "/signin") return <SignInPage />;
    if (area === "help" && !matchPath("/help/articles/:id", path))
      return <PublicLayout>{page}</PublicLayout>;
    const here = path === "/" ? "" : `?next=${encodeURIComponent(path + window.location.search)}`;
    return <Redirect to={`/signin${here}`} />;
  }
  if (path === "/signin" || path === "/")
    return <Redirect to={safeNext(search.get("next")) ?? homeFor(person.roles)} />;

  // Ticket links the services hand out (suggestions, citations, notifications) point here.
  const ticket = matchPath("/tickets/:id", path);
  if (ticket)
    return (
      <Redirect
        to={`/${isStaffRole(person.roles) ? "agent" : "portal"}/tickets/${ticket.id ?? ""}`}
      />
    );

  return (
    <Layout me={person} current={area} extra={<NotificationBell />}>
      {!area || !page ? (
        <section>
          <h1>Page not found</h1>
          <p>There is nothing at this address.</p>
        </section>
      ) : !canUse(person.roles, area) ? (
        <section>
          <h1>No access</h1>
          <p>Your account does not open this part of Signpost.</p>
        </section>
      ) : (
        page
      )}
    </Layout>
  );
}
