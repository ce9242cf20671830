import { useLocation } from "../router.tsx";
import { Subnav } from "../ui/subnav.tsx";
import { AutoClose } from "./auto-close.tsx";
import { Calendars } from "./calendars.tsx";
import { Policies } from "./policies.tsx";

/** Workspace administration: SLA policies, the business calendars they count on, auto-close. */
export default function AdminArea() {
  const { path } = useLocation();
  return (
    <>
      <Subnav
        label="Administration"
        links={[
          {
            to: "/admin",
            text: "SLA policies",
            match: (p) => p === "/admin" || p === "/admin/sla",
          },
          { to: "/admin/calendars", text: "Business calendars" },
          { to: "/admin/auto-close", text: "Auto-close" },
        ]}
      />
      {path === "/admin/calendars" ? (
        <Calendars />
      ) : path === "/admin/auto-close" ? (
        <AutoClose />
      ) : (
        <Policies />
      )}
    </>
  );
}
