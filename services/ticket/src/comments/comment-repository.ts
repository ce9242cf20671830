import type { TCommentVisibility } from "@signpost/contracts";
import type { Sql } from "@signpost/db";

export interface StoredComment {
  id: string;
  workspaceId: string;
  parentType: string;
  parentId: string;
  authorId: string | null;
  authorName: string;
  authorIsStaff: boolean;
  visibility: TCommentVisibility;
  body: string;
  mentionedIds: string[];
  inboundMessageId: string | null;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}

interface CommentRow {
  id: string;
  workspace_id: string;
  parent_type: string;
  parent_id: string;
  author_id: string | null;
  author_name: string;
  author_is_staff: boolean;
  visibility: TCommentVisibility;
  body: string;
  mentioned_ids: string[];
  inbound_message_id: string | null;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
}

const toComment = (r: CommentRow): StoredComment => ({
  id: r.id,
  workspaceId: r.workspace_id,
  parentType: r.parent_type,
  parentId: r.parent_id,
  authorId: r.author_id,
  authorName: r.author_name,
  authorIsStaff: r.author_is_staff,
  visibility: r.visibility,
  body: r.body,
  mentionedIds: r.mentioned_ids,
  inboundMessageId: r.inbound_message_id,
  createdAt: new Date(r.created_at).toISOString(),
  editedAt: r.edited_at ? new Date(r.edited_at).toISOString() : null,
  deletedAt: r.deleted_at ? new Date(r.deleted_at).toISOString() : null,
});

/** The one thread model: comments belong to a parent (`ticket` today). */
export const commentRepository = {
  async insert(
    tx: Sql,
    c: Omit<StoredComment, "createdAt" | "editedAt" | "deletedAt">,
  ): Promise<StoredComment> {
    const { rows } = await tx.query<CommentRow>(
      `insert into ticket.comments (id, workspace_id, parent_type, parent_id, author_id,
         author_name, author_is_staff, visibility, body, mentioned_ids, inbound_message_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning *`,
      [
        c.id,
        c.workspaceId,
        c.parentType,
        c.parentId,
        c.authorId,
        c.authorName,
        c.authorIsStaff,
        c.visibility,
        c.body,
        c.mentionedIds,
        c.inboundMessageId,
      ],
    );
    return toComment(rows[0] as CommentRow);
  },

  async findById(sql: Sql, workspaceId: string, id: string): Promise<StoredComment | null> {
    const { rows } = await sql.query<CommentRow>(
      `select * from ticket.comments where workspace_id = $1 and id = $2 and deleted_at is null`,
      [workspaceId, id],
    );
    return rows[0] ? toComment(rows[0]) : null;
  },

  async findByInboundMessage(sql: Sql, workspaceId: string, messageId: string) {
    const { rows } = await sql.query<CommentRow>(
      `select * from ticket.comments where workspace_id = $1 and inbound_message_id = $2`,
      [workspaceId, messageId],
    );
    return rows[0] ? toComment(rows[0]) : null;
  },

  /** A ticket's thread, oldest first; `publicOnly` is how customers read it. */
  async thread(
    sql: Sql,
    workspaceId: string,
    parentId: string,
    publicOnly: boolean,
  ): Promise<StoredComment[]> {
    const { rows } = await sql.query<CommentRow>(
      `select * from ticket.comments
        where workspace_id = $1 and parent_type = 'ticket' and parent_id = $2
          and deleted_at is null and ($3::boolean = false or visibility = 'public')
        order by created_at, id`,
      [workspaceId, parentId, publicOnly],
    );
    return rows.map(toComment);
  },

  async setBody(tx: Sql, id: string, body: string): Promise<StoredComment> {
    const { rows } = await tx.query<CommentRow>(
      `update ticket.comments set body = $2, edited_at = now() where id = $1 returning *`,
      [id, body],
    );
    return toComment(rows[0] as CommentRow);
  },

  async markDeleted(tx: Sql, id: string): Promise<void> {
    await tx.query(`update ticket.comments set deleted_at = now() where id = $1`, [id]);
  },

  /** Moves a thread to another ticket (merge). */
  async moveThread(tx: Sql, workspaceId: string, fromId: string, toId: string): Promise<number> {
    const r = await tx.query(
      `update ticket.comments set parent_id = $3
        where workspace_id = $1 and parent_type = 'ticket' and parent_id = $2`,
      [workspaceId, fromId, toId],
    );
    return r.rowCount;
  },

  /** The text of the last public reply by staff: a ticket's resolution. Never an internal note. */
  async lastPublicStaffReply(sql: Sql, workspaceId: string, ticketId: string) {
    const { rows } = await sql.query<{ body: string }>(
      `select body from ticket.comments
        where workspace_id = $1 and parent_type = 'ticket' and parent_id = $2
          and visibility = 'public' and author_is_staff and deleted_at is null
        order by created_at desc, id desc limit 1`,
      [workspaceId, ticketId],
    );
    return rows[0]?.body ?? null;
  },
};
