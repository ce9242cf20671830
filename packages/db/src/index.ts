export type { Db, QueryOptions, Sql } from "./db.ts";
export { createPgDb } from "./pg-db.ts";
export { createPgliteDb } from "./pglite-db.ts";
export { loadSqlMigrations, migrate, type Migration } from "./migrate.ts";
