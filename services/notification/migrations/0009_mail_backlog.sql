-- The mail backlog gauge (mails not yet sent, and the oldest one's age) reads this small index:
-- a queue job carries up to sixteen mails, so the queue's own depth no longer counts mails.
create index mail_messages_unsent on mail_messages (created_at) where status in ('queued', 'sending');
