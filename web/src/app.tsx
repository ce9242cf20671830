import { Suspense } from "react";
import { matchPath, useLocation } from "./router.tsx";
import { canUse, homeFor, isStaffRole, useMe } from "./session.ts";
import { areaOf, areaPages } from "./shell/areas.ts";
import { ErrorBoundary } from "./shell/error-boundary.tsx";
import { Layout } from "./shell/layout.tsx";
import { NotificationBell } from "./shell/notification-bell.tsx";
import { Redirect, safeNext } from "./shell/redirect.tsx";
import { SignInPage } from "./shell/sign-in-page.tsx";
import { ErrorNotice, Loading } from "./ui/states.tsx";

/** Signed out: the sign-in page. Signed in: the area the URL names, if this person's roles open it. */
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
  if (!person) {
    if (path === "/signin") return <SignInPage />;
    const here = path === "/" ? "" : `?next=${encodeURIComponent(path + window.location.search)}`;
    return <Redirect to={`/signin${here}`} />;
  }
  if (path === "/signin" || path === "/")
    return <Redirect to={safeNext(search.get("next")) ?? homeFor(person.roles)} />;

  // Links the services hand out (suggestion and citation URLs) point at these.
  const staff = isStaffRole(person.roles);
  const article = matchPath("/help/articles/:id", path);
  if (article)
    return <Redirect to={`${staff ? "/kb" : "/portal/help"}/articles/${article.id ?? ""}`} />;
  const ticket = matchPath("/tickets/:id", path);
  if (ticket) return <Redirect to={`/${staff ? "agent" : "portal"}/tickets/${ticket.id ?? ""}`} />;

  const area = areaOf(path);
  const Page = area ? areaPages[area] : null;
  return (
    <Layout
      me={person}
      current={area}
      extra={canUse(person.roles, "agent") ? <NotificationBell userId={person.userId} /> : null}
    >
      {!area || !Page ? (
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
        <ErrorBoundary key={area}>
          <Suspense fallback={<Loading />}>
            <Page />
          </Suspense>
        </ErrorBoundary>
      )}
    </Layout>
  );
}
