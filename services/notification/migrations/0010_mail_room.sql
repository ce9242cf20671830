-- Room on each page for a mail's row to be rewritten beside itself: it is written again when it
-- goes on the queue and when it is sent or captured. Packed full, as fresh rows are, each of those
-- moved the row (about 2 KB) to another page and logged a lock of the old one as well.
alter table mail_messages set (fillfactor = 50);
