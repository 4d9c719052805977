import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/run.ts", "src/worker.ts"],
  format: ["esm"],
  target: "node20",
  platform: "node",
  dts: false,
  sourcemap: true,
  clean: true,
});
