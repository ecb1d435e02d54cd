// Vite builds the dashboard into dist/ for the server to serve at /partner. `pnpm dev` serves it with hot reload
// and forwards the API (HTTP and WebSocket) to a running server, PARTNERGRAPH_URL or http://localhost:4000.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const api = process.env.PARTNERGRAPH_URL ?? "http://localhost:4000";

export default defineConfig({
  base: "/partner/",
  plugins: [react()],
  build: {
    // Hashed file names under assets/: the server caches them for a year.
    assetsDir: "assets",
    target: "es2022",
  },
  server: {
    proxy: { "/graphql": { target: api, ws: true, changeOrigin: true } },
  },
});
