-- The mail backlog gauge (mails not yet sent, and the oldest one's age) reads this small index:
-- a queue job carries up to sixteen mails, so the queue's own depth no longer counts mails.
create index mail_messages_unsent on mail_messages (created_at) where status in ('queued', 'sending');
-- Mails queued long after they were put on the queue lost their job; the relay finds them here.
create index mail_messages_queued_since on mail_messages (enqueued_at) where status = 'queued';
