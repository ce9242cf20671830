import { lazy, Suspense } from "react";
import { Loading } from "./states.tsx";

const Markdown = lazy(() => import("./markdown.tsx"));

/** Rendered, sanitized Markdown; the renderer downloads the first time one is shown. */
export function LazyMarkdown({ source, className }: { source: string; className?: string }) {
  return (
    <Suspense fallback={<Loading label="Loading article…" />}>
      <Markdown source={source} {...(className ? { className } : {})} />
    </Suspense>
  );
}
