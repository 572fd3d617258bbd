import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The console, built into web/dist and served by `tenantry serve`. In development (`npm run web:dev`), API and
// sign-in requests go to a running `tenantry serve` (TENANTRY_URL).
const api = process.env.TENANTRY_URL ?? "http://127.0.0.1:4000";

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", reportCompressedSize: false, chunkSizeWarningLimit: 800 },
  server: { proxy: { "/api": api, "/auth": api } },
});
