import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { notificationsQuery } from "../queries.ts";
import { Link } from "../router.tsx";
import { formatRelative } from "../ui/format.ts";

const seenKey = (userId: string) => `signpost:notifications-seen:${userId}`;

/** The staff feed: a count of what arrived since the bell was last opened, and the list. */
export function NotificationBell({ userId }: { userId: string }) {
  const feed = useQuery(notificationsQuery());
  const [open, setOpen] = useState(false);
  const [seenAt, setSeenAt] = useState(() => localStorage.getItem(seenKey(userId)) ?? "");
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = feed.data ?? [];
  const unread = items.filter((n) => !n.read && n.createdAt > seenAt).length;

  useEffect(() => {
    if (!open) return;
    const now = new Date().toISOString();
    localStorage.setItem(seenKey(userId), now);
    setSeenAt(now);
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
  }, [open, userId]);

  return (
    <div className="bell" ref={box}>
      <button
        ref={button}
        type="button"
        className="button-quiet"
        aria-expanded={open}
        aria-controls="notification-list"
        onClick={() => setOpen(!open)}
      >
        Notifications
        {unread > 0 && (
          <span className="bell-count">
            {unread}
            <span className="visually-hidden"> unread</span>
          </span>
        )}
      </button>
      {open && (
        <div id="notification-list" className="popover card">
          {items.length === 0 ? (
            <p className="muted">Nothing yet.</p>
          ) : (
            <ul aria-label="Notifications">
              {items.map((n) => (
                <li key={n.id}>
                  {n.ticketId ? (
                    <Link to={`/agent/tickets/${n.ticketId}`} onClick={() => setOpen(false)}>
                      {n.title}
                    </Link>
                  ) : (
                    n.title
                  )}
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
