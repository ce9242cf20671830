import { useQuery } from "@tanstack/react-query";
import type { TBusinessCalendar } from "@signpost/contracts";
import { useTitle } from "../shell/use-title.ts";
import { api } from "../trpc.ts";
import { ErrorNotice } from "../ui/states.tsx";
import { AdminListBody, RowActions, useAdminList } from "./admin-list.tsx";
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
  const calendars = useQuery(calendarsQuery());
  const list = useAdminList<TBusinessCalendar>({
    queryKey: slaKeys.calendars,
    remove: (calendarId) => api.ticket.sla.calendars.delete.mutate({ calendarId }),
  });
  return (
    <section className="stack">
      <div className="spread">
        <h1>Business calendars</h1>
        <button type="button" className="button-primary" onClick={() => list.edit("new")}>
          New calendar
        </button>
      </div>
      {list.form && (
        <CalendarForm key={list.form.key} calendar={list.form.item} onDone={list.close} />
      )}
      {list.remove.isError && <ErrorNotice error={list.remove.error} />}
      <AdminListBody
        query={calendars}
        empty="No calendars yet: every policy counts calendar time (around the clock)."
      >
        {(rows) => (
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
              {rows.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td>{c.timeZone}</td>
                  <td>{hoursText(c)}</td>
                  <td>{c.holidays.map((h) => h.name || h.date).join(", ") || "—"}</td>
                  <RowActions
                    name={c.name}
                    noun="calendar"
                    onEdit={() => list.edit(c)}
                    onDelete={() => list.remove.mutate(c.id)}
                    busy={list.remove.isPending}
                  />
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </AdminListBody>
    </section>
  );
}
