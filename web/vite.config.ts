import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { firstLoadBudget } from "./build/first-load-budget.ts";

// In development the gateway (pnpm start) serves the API; the dev server forwards /api to it.
export default defineConfig({
  plugins: [
    react(),
    firstLoadBudget({ area: "src/portal/portal-area.tsx", label: "portal", maxKb: 250 }),
  ],
  server: { port: 5173, proxy: { "/api": "http://localhost:3000" } },
  build: { outDir: "dist", emptyOutDir: true },
});
