import "./agent.css";
import { matchPath, useLocation } from "../router.tsx";
import { AgentTicket } from "./agent-ticket.tsx";
import { Queue } from "./queue.tsx";

/** The agent console: the queue and the ticket workspace. */
export default function AgentArea() {
  const { path } = useLocation();
  const ticket = matchPath("/agent/tickets/:id", path);
  return ticket?.id ? <AgentTicket key={ticket.id} ticketId={ticket.id} /> : <Queue />;
}
