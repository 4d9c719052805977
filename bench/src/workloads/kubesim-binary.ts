import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * The built `kubesim` CLI (`packages/cli/dist/main.js`), found through the bench's
 * `@kubesim/cli` dependency.
 *
 * @throws Error when it has not been built.
 */
export function kubesimBinary(): string {
  const binary = join(
    dirname(createRequire(import.meta.url).resolve("@kubesim/cli/package.json")),
    "dist",
    "main.js",
  );
  if (!existsSync(binary))
    throw new Error(`${binary} is missing: build it with \`pnpm --filter @kubesim/cli build\``);
  return binary;
}
