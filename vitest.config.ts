import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests import workspace packages from source through this export condition, so no build is needed.
const conditions = ["@kubesim/source"];
const repoRoot = fileURLToPath(new URL(".", import.meta.url));
const projectRoots = ["packages", "examples"]
  .flatMap((directory) =>
    readdirSync(new URL(directory, import.meta.url), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${directory}/${entry.name}`),
  )
  .concat("bench");

export default defineConfig({
  // vitest runs node tests through vite's SSR environment: top-level resolve.conditions is not enough.
  ssr: { resolve: { conditions } },
  test: {
    restoreMocks: true,
    // Real processes (kubesim, kubectl) and servers share 2 cores with ~6,000 tests in CI.
    testTimeout: 20_000,
    projects: projectRoots.map((directory) => ({
      extends: true,
      test: {
        name: directory.split("/")[1] ?? directory,
        root: `${repoRoot}${directory}`,
        include: ["src/**/*.test.ts"],
        benchmark: { include: ["src/**/*.bench.ts"] },
      },
    })),
  },
});
