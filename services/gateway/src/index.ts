export { startGateway, type RunningGateway } from "./start-gateway.ts";
export { loadEnv, type GatewayEnv } from "./env.ts";
export { demoPassword, demoPeople, demoWorkspaceId, demoOrgId } from "./demo/demo-people.ts";
export { provisionWorkspace, type WorkspacePlan } from "./identity/provision-workspace.ts";
export { identityRouter, type IdentityRouter } from "./identity/identity-router.ts";
