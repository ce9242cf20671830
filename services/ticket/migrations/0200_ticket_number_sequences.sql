-- Ticket numbers come from one sequence per workspace instead of the `ticket_counters` row, whose
-- lock was held until the creating transaction committed and so let only one ticket per workspace
-- be created at a time. `nextval` takes no lock that lasts past the call. The price: a creation
-- that rolls back leaves a gap in the numbers (#1041, #1043), as in most helpdesks; numbers stay
-- unique (the unique index on (workspace_id, number) still guards them) and increasing.
--
-- The sequence is made on a workspace's first ticket, starting after any number it already used
-- (old counter or existing tickets), so this migration needs no data step. Two first tickets at
-- once: the second waits on the advisory lock, and if it still finds no committed sequence and
-- collides with the first one's, the block below swallows the collision and takes a number from
-- the sequence the first one committed. `ticket_counters` is no longer written.
create function next_ticket_number(ws uuid) returns int
language plpgsql as $$
declare
  seq text := 'ticket.ticket_numbers_' || replace(ws::text, '-', '');
  start int;
begin
  if to_regclass(seq) is null then
    begin
      perform pg_advisory_xact_lock(hashtext(seq));
      if to_regclass(seq) is null then
        select greatest(
                 1000,
                 (select max(number) from ticket.tickets where workspace_id = ws),
                 (select last_number from ticket.ticket_counters where workspace_id = ws)) + 1
          into start;
        execute format('create sequence %s as int start with %s', seq, start);
      end if;
    exception when duplicate_table or unique_violation then
      null;
    end;
  end if;
  return nextval(seq);
end $$;
