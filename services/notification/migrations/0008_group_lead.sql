-- The group's lead, from directory.group.changed (null when none is set or the event predates it).
alter table directory_groups add column lead_id uuid;
