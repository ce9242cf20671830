/** The embedded transport's table; idempotent so every start may run it. */
export const embeddedQueueSchema = `
create schema if not exists signpost_queue;
create table if not exists signpost_queue.jobs (
  queue text not null,
  id text not null,
  name text not null,
  data jsonb not null,
  status text not null default 'waiting' check (status in ('waiting', 'active', 'done', 'dead')),
  run_at timestamptz not null default now(),
  attempts int not null default 0,
  max_attempts int not null,
  backoff_ms int not null,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  primary key (queue, id)
);
create index if not exists jobs_runnable on signpost_queue.jobs (queue, run_at)
  where status in ('waiting', 'active');
`;

export interface JobRow {
  queue: string;
  id: string;
  name: string;
  data: unknown;
  attempts: number;
  max_attempts: number;
  backoff_ms: number;
}
