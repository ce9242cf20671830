export { describeWithInfra, freshDatabase, uniqueSuffix, type Infra } from "./infra.ts";
export { testEnv } from "./env.ts";
export { waitFor } from "./wait-for.ts";
export { testWorkspace } from "./people.ts";
export { startFakeChatServer } from "./fake-chat-server.ts";
export { startS3Server, type S3Server } from "./s3-server.ts";
