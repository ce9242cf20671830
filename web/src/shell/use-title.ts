import { useEffect } from "react";

/** Names the page in the tab and for screen readers announcing navigation. */
export function useTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · Signpost`;
  }, [title]);
}
