import { matchPath, useLocation } from "../router.tsx";
import { Subnav } from "../ui/subnav.tsx";
import { HelpArticle } from "./help-article.tsx";
import { HelpCenter } from "./help-center.tsx";
import { MyTickets } from "./my-tickets.tsx";
import { NewTicket } from "./new-ticket.tsx";
import { TicketPage } from "./ticket-page.tsx";

/** The customer portal: my organization's tickets, a new ticket, the help center. */
export default function PortalArea() {
  const { path } = useLocation();
  const ticket = matchPath("/portal/tickets/:id", path);
  const article = matchPath("/portal/help/articles/:id", path);
  return (
    <>
      <Subnav
        label="Support"
        links={[
          {
            to: "/portal",
            text: "My tickets",
            match: (p) => p === "/portal" || p.startsWith("/portal/tickets"),
          },
          { to: "/portal/new", text: "New ticket" },
          { to: "/portal/help", text: "Help center", match: (p) => p.startsWith("/portal/help") },
        ]}
      />
      {ticket?.id ? (
        <TicketPage ticketId={ticket.id} />
      ) : article?.id ? (
        <HelpArticle articleId={article.id} />
      ) : path === "/portal/new" ? (
        <NewTicket />
      ) : path === "/portal/help" ? (
        <HelpCenter />
      ) : (
        <MyTickets />
      )}
    </>
  );
}
