/** Splits `spec.template.spec.containers[0].foo` into keys and indexes. */
function pathSteps(path: string): Array<string | number> {
  const steps: Array<string | number> = [];
  for (const part of path.split(".")) {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (match === null) {
      steps.push(part);
      continue;
    }
    if (match[1] !== undefined && match[1] !== "") steps.push(match[1]);
    for (const index of (match[2] ?? "").matchAll(/\[(\d+)\]/g)) steps.push(Number(index[1]));
  }
  return steps;
}

function copyContainer(value: unknown): unknown {
  if (Array.isArray(value)) return [...value];
  if (typeof value === "object" && value !== null) return { ...(value as Record<string, unknown>) };
  return value;
}

/**
 * A copy of `object` without the fields at `paths` (as `findUnknownFields` spells them:
 * dotted keys, `[i]` for list elements), which is what upstream's decoder does with
 * unknown fields under `fieldValidation=Warn` or `Ignore`. Containers along each path are
 * copied, so `object` is never changed; paths that do not resolve are skipped.
 */
export function dropFields<T>(object: T, paths: readonly string[]): T {
  if (paths.length === 0) return object;
  const root = copyContainer(object);
  for (const path of paths) {
    const steps = pathSteps(path);
    let parent: unknown = root;
    for (let index = 0; index < steps.length; index += 1) {
      const step = steps[index] as string | number;
      if (typeof parent !== "object" || parent === null) break;
      const container = parent as Record<string | number, unknown>;
      if (!Object.hasOwn(container, step)) break;
      if (index === steps.length - 1) {
        if (Array.isArray(container)) break;
        delete container[step];
        break;
      }
      const child = copyContainer(container[step]);
      container[step] = child;
      parent = child;
    }
  }
  return root as T;
}
