import type { Sql } from "@signpost/db";

export interface StoredAttachment {
  id: string;
  workspaceId: string;
  ticketId: string;
  commentId: string | null;
  uploadedBy: string | null;
  filename: string;
  contentType: string;
  size: number;
  storageKey: string;
}

interface AttachmentRow {
  id: string;
  workspace_id: string;
  ticket_id: string;
  comment_id: string | null;
  uploaded_by: string | null;
  filename: string;
  content_type: string;
  size: string;
  storage_key: string;
}

const toAttachment = (r: AttachmentRow): StoredAttachment => ({
  id: r.id,
  workspaceId: r.workspace_id,
  ticketId: r.ticket_id,
  commentId: r.comment_id,
  uploadedBy: r.uploaded_by,
  filename: r.filename,
  contentType: r.content_type,
  size: Number(r.size),
  storageKey: r.storage_key,
});

export const attachmentRepository = {
  async insert(sql: Sql, a: StoredAttachment): Promise<void> {
    await sql.query(
      `insert into ticket.attachments (id, workspace_id, ticket_id, comment_id, uploaded_by,
         filename, content_type, size, storage_key)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        a.id,
        a.workspaceId,
        a.ticketId,
        a.commentId,
        a.uploadedBy,
        a.filename,
        a.contentType,
        a.size,
        a.storageKey,
      ],
    );
  },

  async findById(sql: Sql, workspaceId: string, id: string): Promise<StoredAttachment | null> {
    const { rows } = await sql.query<AttachmentRow>(
      `select * from ticket.attachments where workspace_id = $1 and id = $2`,
      [workspaceId, id],
    );
    return rows[0] ? toAttachment(rows[0]) : null;
  },

  /**
   * Attaches uploads to a comment: only the uploader's own, for this ticket, not yet attached.
   * Returns how many were attached.
   */
  async attach(
    tx: Sql,
    q: {
      workspaceId: string;
      ticketId: string;
      uploadedBy: string;
      commentId: string;
      ids: string[];
    },
  ): Promise<number> {
    const r = await tx.query(
      `update ticket.attachments set comment_id = $5
        where workspace_id = $1 and ticket_id = $2 and uploaded_by = $3 and comment_id is null
          and id = any($4::uuid[])`,
      [q.workspaceId, q.ticketId, q.uploadedBy, q.ids, q.commentId],
    );
    return r.rowCount;
  },

  async forComments(sql: Sql, commentIds: string[]): Promise<StoredAttachment[]> {
    if (commentIds.length === 0) return [];
    const { rows } = await sql.query<AttachmentRow>(
      `select * from ticket.attachments where comment_id = any($1::uuid[]) order by created_at, id`,
      [commentIds],
    );
    return rows.map(toAttachment);
  },

  async moveTicket(tx: Sql, workspaceId: string, fromId: string, toId: string): Promise<void> {
    await tx.query(
      `update ticket.attachments set ticket_id = $3 where workspace_id = $1 and ticket_id = $2`,
      [workspaceId, fromId, toId],
    );
  },

  async remove(tx: Sql, workspaceId: string, id: string): Promise<void> {
    await tx.query(`delete from ticket.attachments where workspace_id = $1 and id = $2`, [
      workspaceId,
      id,
    ]);
  },

  /**
   * A ticket's attachments that `viewer` may see: on comments not deleted (public ones only unless
   * staff), plus their own pending uploads.
   */
  async visibleOnTicket(
    sql: Sql,
    q: { workspaceId: string; ticketId: string; userId: string; staff: boolean },
  ): Promise<StoredAttachment[]> {
    const { rows } = await sql.query<AttachmentRow>(
      `select a.* from ticket.attachments a
         left join ticket.comments c on c.id = a.comment_id
        where a.workspace_id = $1 and a.ticket_id = $2
          and (
            (a.comment_id is null and a.uploaded_by = $3)
            or (c.id is not null and c.deleted_at is null and ($4 or c.visibility = 'public'))
          )
        order by a.created_at, a.id`,
      [q.workspaceId, q.ticketId, q.userId, q.staff],
    );
    return rows.map(toAttachment);
  },
};
