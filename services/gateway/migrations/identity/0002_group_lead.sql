-- A group may have a lead: a staff member told of the group's SLA alarms beside its members.
-- Deleting the person leaves the group without a lead rather than failing.
alter table groups add column lead_id uuid references users (id) on delete set null;
