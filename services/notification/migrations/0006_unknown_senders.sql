-- Whether mail from an address the directory does not know may open tickets (as a new contact) or
-- is refused, per workspace.
alter table mail_settings add column unknown_senders text not null default 'accept'
  check (unknown_senders in ('accept', 'refuse'));
