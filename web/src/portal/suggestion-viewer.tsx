import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { TSuggestion } from "@signpost/contracts";
import { articleQuery, ticketQuery } from "../queries.ts";
import { navigate } from "../router.tsx";
import { LazyMarkdown } from "../ui/lazy-markdown.tsx";
import { ErrorNotice, Loading } from "../ui/states.tsx";

/** One suggestion opened beside the form: the article (or resolved ticket) in full. */
export function SuggestionViewer({
  suggestion,
  onBack,
  onSolved,
}: {
  suggestion: TSuggestion;
  onBack: () => void;
  onSolved: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const isArticle = suggestion.kind === "article";
  const article = useQuery({ ...articleQuery(suggestion.id), enabled: isArticle });
  const ticket = useQuery({ ...ticketQuery(suggestion.id), enabled: !isArticle });
  const loaded = isArticle ? article : ticket;
  return (
    <div className="stack">
      <div>
        <button type="button" className="link-button" onClick={onBack}>
          ← Back to suggestions
        </button>
      </div>
      <h2 ref={heading} tabIndex={-1}>
        {suggestion.title}
      </h2>
      {loaded.isPending ? (
        <Loading />
      ) : loaded.isError ? (
        <ErrorNotice error={loaded.error} retry={() => void loaded.refetch()} />
      ) : isArticle && article.data ? (
        <LazyMarkdown source={article.data.body} />
      ) : ticket.data ? (
        <>
          <p className="muted">A resolved ticket from your organization</p>
          <p className="message-body">{ticket.data.description}</p>
        </>
      ) : null}
      <div className="row">
        <button
          type="button"
          className="button-primary"
          onClick={() => {
            onSolved();
            navigate("/portal?deflected=1");
          }}
        >
          This solved my problem
        </button>
        <button type="button" onClick={onBack}>
          Not quite, keep my ticket
        </button>
      </div>
    </div>
  );
}
