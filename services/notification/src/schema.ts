/** The Postgres schema this service owns; no other service reads it. */
export const schema = "notification";
