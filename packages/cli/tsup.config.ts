import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library: workspace packages and dependencies stay imports.
    entry: ["src/index.ts"],
    format: ["esm"],
    target: "node20",
    platform: "node",
    dts: true,
    sourcemap: true,
    clean: true,
  },
  {
    // The `kubesim` binary: one bundled file (only the native better-sqlite3 stays
    // external), which saves Node ~45 ms of module loading on every command.
    entry: ["src/main.ts"],
    format: ["esm"],
    target: "node20",
    platform: "node",
    dts: false,
    sourcemap: true,
    noExternal: [/^(?!better-sqlite3$).*/],
    external: ["better-sqlite3"],
    banner: {
      js: 'import { createRequire as __kubesimCreateRequire } from "node:module"; const require = __kubesimCreateRequire(import.meta.url);',
    },
  },
]);
