-- BM25's inverted index: one row per term of a chunk, with its field-weighted frequency (title 3,
-- headings 2, body 1) and what the visibility filter needs. Scoring from here reads only the rows
-- of the query's terms; unnesting every candidate chunk's tsvector cost over 100 ms at 50,000
-- chunks. The chunk's columns are repeated so candidates are found and filtered without touching
-- the wide chunk rows; postings go with their chunk.
create table postings (
  workspace_id uuid not null,
  term text not null,
  chunk_id uuid not null references chunks (id) on delete cascade,
  tf real not null,
  doc_len int not null,
  visibility text not null,
  org_id uuid,
  -- Candidates come from here by term without reading the table (an index-only scan)...
  primary key (workspace_id, term, chunk_id) include (tf, doc_len, visibility, org_id)
);
-- ...and a candidate's own postings of the remaining terms from here (also what the cascade uses).
create index postings_by_chunk on postings (chunk_id, term) include (tf, doc_len);

insert into postings (workspace_id, term, chunk_id, tf, doc_len, visibility, org_id)
select c.workspace_id, u.lexeme, c.id,
       (select count(*) filter (where x = 'A') * 3 + count(*) filter (where x = 'B') * 2
               + count(*) filter (where x not in ('A', 'B')) from unnest(u.weights) x),
       c.doc_len, c.visibility, c.org_id
  from chunks c, unnest(c.tsv) u;
