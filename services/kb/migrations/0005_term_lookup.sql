-- Exact df lookups must use the primary key: the planner took the trigram index for `term = x`
-- (pg_trgm answers equality too), which cost milliseconds per query word. Typo search keeps a
-- trigram index on an expression that only the `%` lookup uses.
drop index if exists term_df_trgm;
create index term_df_trgm on term_df using gin (lower(term) gin_trgm_ops);
