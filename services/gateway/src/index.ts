export { startGateway, type RunningGateway } from "./start-gateway.ts";
export { loadEnv, type GatewayEnv } from "./env.ts";
export { demoPeople, demoWorkspaceId, demoOrgId } from "./demo/demo-people.ts";
