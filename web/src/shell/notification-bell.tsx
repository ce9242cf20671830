import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { keys, notificationsQuery, unreadQuery } from "../queries.ts";
import { Link } from "../router.tsx";
import { api } from "../trpc.ts";
import { formatRelative } from "../ui/format.ts";

/** The unread count (live), and the feed; opening it marks everything read. */
export function NotificationBell() {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const unread = useQuery(unreadQuery());
  const feed = useQuery({ ...notificationsQuery(), enabled: open });
  const markAll = useMutation({
    mutationFn: () => api.notification.notifications.markAllRead.mutate(),
    onSuccess: (count) => client.setQueryData(keys.unread, count),
  });
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const count = unread.data?.unread ?? 0;

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent) {
        if (e.key !== "Escape") return;
        button.current?.focus();
      } else if (box.current?.contains(e.target as Node)) return;
      setOpen(false);
    };
    window.addEventListener("mousedown", close);
    window.addEventListener("keydown", close);
    return () => {
      window.removeEventListener("mousedown", close);
      window.removeEventListener("keydown", close);
    };
  }, [open]);

  const toggle = () => {
    if (!open && count > 0) markAll.mutate();
    setOpen(!open);
  };
  const items = feed.data ?? [];
  return (
    <div className="bell" ref={box}>
      <button
        ref={button}
        type="button"
        className="button-quiet"
        aria-expanded={open}
        aria-controls="notification-list"
        onClick={toggle}
      >
        Notifications
        {count > 0 && (
          <span className="bell-count">
            {count}
            <span className="visually-hidden"> unread</span>
          </span>
        )}
      </button>
      {open && (
        <div id="notification-list" className="popover card">
          {feed.isPending ? (
            <p className="muted">Loading…</p>
          ) : items.length === 0 ? (
            <p className="muted">Nothing yet.</p>
          ) : (
            <ul aria-label="Notifications">
              {items.map((n) => (
                <li key={n.id} className={n.read ? "" : "unread"}>
                  {n.ticketId ? (
                    <Link to={`/tickets/${n.ticketId}`} onClick={() => setOpen(false)}>
                      {n.title}
                    </Link>
                  ) : (
                    n.title
                  )}
                  {n.body && <div className="small">{n.body}</div>}
                  <div className="muted small">{formatRelative(n.createdAt)}</div>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
