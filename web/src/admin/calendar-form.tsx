import { useState } from "react";
import type { TBusinessCalendar } from "@signpost/contracts";
import { api } from "../trpc.ts";
import { AdminForm, useSaveThenClose } from "./admin-form.tsx";
import { slaKeys } from "./sla-queries.ts";

const weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

type Hours = TBusinessCalendar["hours"];
type Holidays = TBusinessCalendar["holidays"];

const officeHours: Hours = [1, 2, 3, 4, 5].map((day) => ({ day, start: "09:00", end: "17:00" }));

// Chromium lists every IANA zone; the contract still checks the one chosen.
const zones: string[] = (() => {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["UTC"];
  }
})();

/** Creates or edits a business calendar: its zone, working spans per weekday and holidays. */
export function CalendarForm({
  calendar,
  onDone,
}: {
  calendar: TBusinessCalendar | null;
  onDone: () => void;
}) {
  const [name, setName] = useState(calendar?.name ?? "");
  const [timeZone, setTimeZone] = useState(
    calendar?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  );
  const [hours, setHours] = useState<Hours>(calendar?.hours ?? officeHours);
  const [holidays, setHolidays] = useState<Holidays>(calendar?.holidays ?? []);
  const save = useSaveThenClose(
    slaKeys.calendars,
    () => {
      const fields = { name, timeZone, hours, holidays };
      return calendar
        ? api.ticket.sla.calendars.update.mutate({ calendarId: calendar.id, ...fields })
        : api.ticket.sla.calendars.create.mutate(fields);
    },
    onDone,
  );
  const setSpan = (i: number, patch: Partial<Hours[number]>) =>
    setHours(hours.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  const setHoliday = (i: number, patch: Partial<Holidays[number]>) =>
    setHolidays(holidays.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  const title = calendar ? `Edit ${calendar.name}` : "New calendar";
  return (
    <AdminForm title={title} save={save} saveLabel="Save calendar" onDone={onDone}>
      <div className="row">
        <div className="field">
          <label htmlFor="calendar-name">Name</label>
          <input
            id="calendar-name"
            value={name}
            required
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="calendar-zone">Time zone</label>
          <select id="calendar-zone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
            {(zones.includes(timeZone) ? zones : [timeZone, ...zones]).map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="stack">
        <legend>Working hours</legend>
        {hours.map((h, i) => (
          <div className="row" key={i} role="group" aria-label={`Working hours ${i + 1}`}>
            <label className="field">
              <span>Day</span>
              <select value={h.day} onChange={(e) => setSpan(i, { day: Number(e.target.value) })}>
                {weekdays.map((d, n) => (
                  <option key={d} value={n}>
                    {d}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>From</span>
              <input
                type="time"
                value={h.start}
                onChange={(e) => setSpan(i, { start: e.target.value })}
              />
            </label>
            <label className="field">
              <span>Until</span>
              <input
                type="time"
                value={h.end}
                onChange={(e) => setSpan(i, { end: e.target.value })}
              />
            </label>
            <button
              type="button"
              className="button-quiet"
              onClick={() => setHours(hours.filter((_, j) => j !== i))}
            >
              Remove<span className="visually-hidden"> {weekdays[h.day]} hours</span>
            </button>
          </div>
        ))}
        <div>
          <button
            type="button"
            onClick={() => setHours([...hours, { day: 1, start: "09:00", end: "17:00" }])}
          >
            Add working hours
          </button>
        </div>
      </fieldset>
      <fieldset className="stack">
        <legend>Holidays</legend>
        {holidays.length === 0 && <p className="muted small">No holidays.</p>}
        {holidays.map((h, i) => (
          <div className="row" key={i} role="group" aria-label={`Holiday ${i + 1}`}>
            <label className="field">
              <span>Date</span>
              <input
                type="date"
                value={h.date}
                required
                onChange={(e) => setHoliday(i, { date: e.target.value })}
              />
            </label>
            <label className="field">
              <span>Holiday name</span>
              <input value={h.name} onChange={(e) => setHoliday(i, { name: e.target.value })} />
            </label>
            <button
              type="button"
              className="button-quiet"
              onClick={() => setHolidays(holidays.filter((_, j) => j !== i))}
            >
              Remove<span className="visually-hidden"> holiday {h.date}</span>
            </button>
          </div>
        ))}
        <div>
          <button type="button" onClick={() => setHolidays([...holidays, { date: "", name: "" }])}>
            Add holiday
          </button>
        </div>
      </fieldset>
    </AdminForm>
  );
}
