import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "../router.tsx";
import { useTitle } from "../shell/use-title.ts";
import { api } from "../trpc.ts";
import { formatRelative } from "../ui/format.ts";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";

/** What customers asked that no suggestion answered, grouped, so editors know what to write. */
export function Gaps() {
  useTitle("Gaps");
  const [days, setDays] = useState(30);
  const gaps = useQuery({
    queryKey: ["kb", "gaps", days] as const,
    queryFn: ({ signal }) => api.kb.insights.gaps.query({ days, limit: 50 }, { signal }),
  });
  return (
    <section>
      <div className="spread">
        <h1>Gaps</h1>
        <label className="field">
          <span>Asked in the last</span>
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {[7, 30, 90].map((d) => (
              <option key={d} value={d}>
                {d} days
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted">Questions customers typed that found no good suggestion.</p>
      {gaps.isPending ? (
        <Loading />
      ) : gaps.isError ? (
        <ErrorNotice error={gaps.error} retry={() => void gaps.refetch()} />
      ) : gaps.data.length === 0 ? (
        <Empty>No unanswered questions in this period.</Empty>
      ) : (
        <table>
          <caption className="visually-hidden">Unanswered questions, grouped</caption>
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col" className="num">
                Times asked
              </th>
              <th scope="col">For example</th>
              <th scope="col">Last asked</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {gaps.data.map((g) => (
              <tr key={g.terms.join(" ")}>
                <td>{g.terms.join(", ")}</td>
                <td className="num">{g.count}</td>
                <td>
                  <ul className="plain">
                    {g.examples.slice(0, 3).map((e) => (
                      <li key={e}>“{e}”</li>
                    ))}
                  </ul>
                </td>
                <td>{formatRelative(g.lastSeen)}</td>
                <td>
                  <Link
                    to={`/kb/new?title=${encodeURIComponent(g.examples[0] ?? g.terms.join(" "))}`}
                  >
                    Write an article
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
