/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { svelteTesting } from "@testing-library/svelte/vite";
import { fileURLToPath } from "node:url";

// Tauri loads the built files from ui/dist (frontendDist "../ui/dist") and, in development,
// the dev server on http://localhost:1420 (devUrl). Relative base so the bundle works from any origin.
export default defineConfig({
  base: "./",
  // svelteTesting (tests only) picks Svelte's browser build and cleans up mounted components.
  plugins: process.env.VITEST ? [svelte(), svelteTesting()] : [svelte()],
  resolve: {
    alias: {
      $lib: fileURLToPath(new URL("./src/lib", import.meta.url)),
    },
  },
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    host: "localhost",
    watch: { ignored: ["**/src-tauri/**", "**/target/**"] },
  },
  envPrefix: ["VITE_", "TAURI_ENV_"],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2021",
    sourcemap: false,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
    setupFiles: ["./src/tests/setup.ts"],
    // A 2-core CI machine that is also compiling Rust ran one multi-screen test in 5.3 s; the
    // default 5 s limit then fails a test that is only slow, not wrong (no test here times anything).
    testTimeout: 30_000,
  },
});
