import { matchPath, useLocation } from "../router.tsx";
import { Subnav } from "../ui/subnav.tsx";
import { MyTickets } from "./my-tickets.tsx";
import { NewTicket } from "./new-ticket.tsx";
import { TicketPage } from "./ticket-page.tsx";

/** The customer portal: my organization's tickets and a new ticket. */
export default function PortalArea() {
  const { path } = useLocation();
  const ticket = matchPath("/portal/tickets/:id", path);
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
        ]}
      />
      {ticket?.id ? (
        <TicketPage ticketId={ticket.id} />
      ) : path === "/portal/new" ? (
        <NewTicket />
      ) : (
        <MyTickets />
      )}
    </>
  );
}
