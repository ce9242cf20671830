/** The infrastructure tests may use. Tests read nothing else from the environment. */
export const testEnv = {
  databaseUrl: process.env.DATABASE_URL || undefined,
  redisUrl: process.env.REDIS_URL || undefined,
  ci: process.env.CI === "true" || process.env.CI === "1",
};
