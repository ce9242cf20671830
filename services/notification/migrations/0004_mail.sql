-- Every mail this service sends (or, with no SMTP configured, keeps for the development mailbox).
-- The unique (event_id, recipient_email) is the sent-mail ledger: an event handled twice cannot
-- queue a second mail to the same person.
create table mail_messages (
  id uuid primary key,
  workspace_id uuid not null,
  event_id uuid not null,
  recipient_email text not null,
  recipient_id uuid,
  template text not null,
  ticket_id uuid,
  ticket_number integer,
  subject text not null,
  text_body text not null,
  html_body text not null,
  message_id text not null unique,
  in_reply_to text,
  refs text[] not null default '{}',
  status text not null check (status in ('queued', 'held', 'digested', 'sending', 'sent', 'captured', 'dead')),
  digest_key text,
  -- Bumped when an admin retries a dead one, so the queue takes it as a new job.
  revision integer not null default 0,
  attempts integer not null default 0,
  last_error text,
  claimed_until timestamptz,
  enqueued_at timestamptz,
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  unique (event_id, recipient_email)
);
create index mail_messages_by_workspace on mail_messages (workspace_id, created_at desc);
create index mail_messages_to_enqueue on mail_messages (created_at) where status = 'queued' and enqueued_at is null;
create index mail_messages_held on mail_messages (digest_key) where status = 'held';

-- One mail thread per ticket: its deterministic root Message-ID, so replies find their ticket.
create table mail_threads (
  workspace_id uuid not null,
  ticket_id uuid primary key,
  ticket_number integer not null,
  root_id text not null unique,
  -- The customer's own Message-ID when the ticket was opened by mail: our mails answer it.
  origin_id text
);

-- Per workspace: the support address mail comes in at and goes out from.
create table mail_settings (
  workspace_id uuid primary key,
  support_address text unique,
  from_name text
);

-- Inbound mails seen, by Message-ID: the same mail twice is one event.
create table inbound_mails (
  workspace_id uuid not null,
  message_id text not null,
  outcome text not null,
  ticket_number integer,
  received_at timestamptz not null default now(),
  primary key (workspace_id, message_id)
);

-- A person's pending digest: held mails with this key go out as one mail at `due_at`.
create table digests (
  key text primary key,
  workspace_id uuid not null,
  user_id uuid not null,
  due_at timestamptz not null,
  scheduled_at timestamptz,
  sent_at timestamptz
);
