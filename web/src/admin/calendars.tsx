import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TBusinessCalendar } from "@signpost/contracts";
import { useTitle } from "../shell/use-title.ts";
import { api } from "../trpc.ts";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { CalendarForm } from "./calendar-form.tsx";
import { calendarsQuery, slaKeys } from "./sla-queries.ts";

const dayShort = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

const hoursText = (c: TBusinessCalendar) =>
  [...c.hours]
    .sort((a, b) => a.day - b.day || a.start.localeCompare(b.start))
    .map((h) => `${dayShort[h.day]} ${h.start}–${h.end}`)
    .join(", ");

/** Business calendars: the working time business-hours SLA policies count. */
export function Calendars() {
  useTitle("Business calendars");
  const client = useQueryClient();
  const calendars = useQuery(calendarsQuery());
  const [editing, setEditing] = useState<TBusinessCalendar | "new" | null>(null);
  const remove = useMutation({
    mutationFn: (calendarId: string) => api.ticket.sla.calendars.delete.mutate({ calendarId }),
    onSuccess: () => client.invalidateQueries({ queryKey: slaKeys.calendars }),
  });
  return (
    <section className="stack">
      <div className="spread">
        <h1>Business calendars</h1>
        <button type="button" className="button-primary" onClick={() => setEditing("new")}>
          New calendar
        </button>
      </div>
      {editing && (
        <CalendarForm
          key={editing === "new" ? "new" : editing.id}
          calendar={editing === "new" ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      {remove.isError && <ErrorNotice error={remove.error} />}
      {calendars.isPending ? (
        <Loading />
      ) : calendars.isError ? (
        <ErrorNotice error={calendars.error} retry={() => void calendars.refetch()} />
      ) : calendars.data.length === 0 ? (
        <Empty>No calendars yet: every policy counts calendar time (around the clock).</Empty>
      ) : (
        <table>
          <caption className="visually-hidden">Business calendars</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Time zone</th>
              <th scope="col">Working hours</th>
              <th scope="col">Holidays</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {calendars.data.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                <td>{c.timeZone}</td>
                <td>{hoursText(c)}</td>
                <td>{c.holidays.map((h) => h.name || h.date).join(", ") || "—"}</td>
                <td className="row">
                  <button type="button" onClick={() => setEditing(c)}>
                    Edit<span className="visually-hidden"> {c.name}</span>
                  </button>
                  <button
                    type="button"
                    className="button-danger"
                    disabled={remove.isPending}
                    onClick={() => {
                      if (window.confirm(`Delete the calendar ${c.name}?`)) remove.mutate(c.id);
                    }}
                  >
                    Delete<span className="visually-hidden"> {c.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
