-- Room on each page for a ticket's SLA row to be rewritten beside itself. The row is written again
-- when its timer is queued and at every status or priority change; packed full, as fresh rows
-- are, each of those moved it to another page, which also logs a lock of the old row.
alter table ticket_slas set (fillfactor = 70);
