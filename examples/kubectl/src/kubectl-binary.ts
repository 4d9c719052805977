import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

/**
 * Where the real `kubectl` is: the first executable `kubectl` file on `PATH` (for example
 * `/usr/bin/kubectl`). The examples run the kubectl people use, never a stand-in.
 *
 * @throws Error saying how to install kubectl when none is on `PATH`.
 */
export function kubectlBinaryPath(path: string | undefined = process.env.PATH): string {
  for (const directory of (path ?? "").split(delimiter)) {
    if (directory === "") continue;
    const candidate = join(directory, "kubectl");
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not there, or not executable: keep looking along PATH.
    }
  }
  throw new Error(
    "kubectl was not found on PATH: install kubectl v1.32 (https://kubernetes.io/docs/tasks/tools/) and run again",
  );
}
