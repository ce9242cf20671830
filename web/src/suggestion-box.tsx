import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "./trpc.ts";

/** Type a question; the KB answers while you type (debounced, stale answers dropped). */
export function SuggestionBox() {
  const [text, setText] = useState("");
  const [typed, setTyped] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setTyped(text), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const result = useQuery({
    queryKey: ["suggest", typed],
    queryFn: ({ signal }) => api.kb.suggestions.suggest.query({ subject: typed }, { signal }),
    enabled: typed.trim().length >= 3,
  });
  return (
    <section>
      <h2>Describe your problem</h2>
      <input
        aria-label="subject"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="e.g. I forgot my password"
        style={{ width: "100%" }}
      />
      <ul aria-label="suggestions">
        {result.data?.suggestions.map((s) => (
          <li key={s.id}>
            <strong>{s.title}</strong> <small>({s.kind})</small>
            <br />
            {s.snippet.map((seg, i) =>
              seg.hit ? <mark key={i}>{seg.text}</mark> : <span key={i}>{seg.text}</span>,
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
