export { createLogger, type Logger } from "./logger.ts";
export * from "./identity-token.ts";
export { trpcCodeOf } from "./error-table.ts";
export { router, publicProcedure, authedProcedure, type RequestContext } from "./trpc.ts";
export { createServiceApp, errorResponse, type ServiceEnv } from "./create-service-app.ts";
export { listen, onShutdown, StartupError } from "./serve.ts";
export { createService, type Service, type ServiceRuntime } from "./create-service.ts";
export { runStandalone } from "./run-standalone.ts";
export { payloadLimit } from "./payload-limit.ts";
