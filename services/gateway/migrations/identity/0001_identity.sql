-- Tenants: one per support team. Nothing crosses between workspaces.
create table workspaces (
  id uuid primary key,
  slug text not null unique,
  name text not null,
  created_at timestamptz not null default now()
);

-- Customer organizations inside a workspace.
create table organizations (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id),
  name text not null,
  domain text,
  created_at timestamptz not null default now(),
  unique (workspace_id, name)
);

-- Staff (roles agent, kb_editor, admin) and contacts (role customer, with an organization).
create table users (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id),
  email text not null,
  name text not null,
  password_hash text,
  roles text[] not null,
  org_id uuid references organizations (id),
  status text not null default 'active' check (status in ('active', 'disabled')),
  created_at timestamptz not null default now(),
  unique (workspace_id, email),
  check (('customer' = any (roles)) = (org_id is not null))
);

create table groups (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id),
  name text not null,
  unique (workspace_id, name)
);

create table group_members (
  group_id uuid not null references groups (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  primary key (group_id, user_id)
);

-- Only hashes of secrets are stored: a leaked table signs nobody in.
create table sessions (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_by_user on sessions (user_id);

create table invitations (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id),
  token_hash text not null unique,
  email text not null,
  roles text[] not null,
  org_id uuid references organizations (id),
  invited_by uuid not null references users (id),
  expires_at timestamptz not null,
  used_at timestamptz
);

create table password_resets (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  expires_at timestamptz not null,
  used_at timestamptz
);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id),
  name text not null,
  role text not null,
  prefix text not null,
  token_hash text not null unique,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Failure counters for sign-in and token endpoints, shared by every gateway replica.
create table rate_limits (
  key text primary key,
  window_started_at timestamptz not null,
  count int not null
);
