import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// In development the gateway (pnpm start) serves the API; the dev server forwards /api to it.
export default defineConfig({
  plugins: [react()],
  server: { port: 5173, proxy: { "/api": "http://localhost:3000" } },
  build: { outDir: "dist", emptyOutDir: true },
});
