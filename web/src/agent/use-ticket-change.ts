import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TTicket } from "@signpost/contracts";
import { keys } from "../queries.ts";

/**
 * A mutation that returns the changed ticket: the page shows it at once (the detail keeps its
 * links), the queue and the SLA panel refetch.
 */
export function useTicketChange<V>(mutationFn: (vars: V) => Promise<TTicket>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (t) => {
      client.setQueryData(keys.ticket(t.id), (old: object | undefined) => ({ ...old, ...t }));
      void client.invalidateQueries({ queryKey: keys.tickets });
      void client.invalidateQueries({ queryKey: ["ticket", "sla", t.id] });
    },
  });
}
