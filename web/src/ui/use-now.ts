import { useEffect, useState } from "react";

/** The current time, re-read every `everyMs` (30 s) so countdowns stay true without refetching. */
export function useNow(everyMs = 30_000) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
