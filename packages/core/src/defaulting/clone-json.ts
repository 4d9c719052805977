import { KubesimError } from "../errors/index.js";
import type { JsonObject } from "./json-fields.js";

type Container = JsonObject | unknown[];

interface CloneTask {
  readonly source: unknown;
  readonly target: Container;
  readonly key: string | number;
}

/** Marks the end of an object's subtree, so it can leave the current path. */
interface LeaveTask {
  readonly leave: object;
}

/** Nesting depth up to which {@link cloneJson} copies recursively (deeper input takes the iterative walk). */
const recursiveDepthLimit = 64;

/** Thrown inside the recursive copy when the input is deeper than {@link recursiveDepthLimit}. */
const tooDeepForRecursion: unique symbol = Symbol("tooDeepForRecursion");

/**
 * Deep copy with `JSON.parse(JSON.stringify(value))` semantics, built safely.
 *
 * @remarks
 * Only own enumerable string keys are copied, into fresh plain objects and arrays;
 * every key (including `__proto__`, `constructor`, `prototype`) is a plain data
 * property, so no prototype is ever touched. As in JSON, `undefined`, functions and
 * symbols are dropped from objects and become `null` in arrays, non-finite numbers become
 * `null`, and objects with `toJSON` (such as `Date`) are replaced by its result. API
 * objects (a few levels deep) are copied by a fast recursive walk; deeper input falls
 * back to an iterative walk, so deeply nested input cannot overflow the call stack. A
 * circular reference throws a {@link KubesimError} (JSON text can never contain one).
 */
export function cloneJson<T>(value: T): T {
  try {
    return copyRecursively(value, 0) as T;
  } catch (error) {
    if (error !== tooDeepForRecursion) throw error;
  }
  return cloneIteratively(value);
}

/** The recursive copy: `undefined` for what JSON drops; throws {@link tooDeepForRecursion} when too deep. */
function copyRecursively(source: unknown, depth: number): unknown {
  if (source === null || typeof source === "string" || typeof source === "boolean") return source;
  if (typeof source === "number") return Number.isFinite(source) ? source : null;
  if (typeof source !== "object") return undefined;
  // A cycle also ends up here, and the iterative walk reports it.
  if (depth >= recursiveDepthLimit) throw tooDeepForRecursion;
  const withToJson = source as { toJSON?: unknown };
  if (typeof withToJson.toJSON === "function") {
    return copyRecursively((withToJson.toJSON as () => unknown).call(source), depth + 1);
  }
  if (Array.isArray(source)) {
    const array: unknown[] = [];
    for (let index = 0; index < source.length; index++) {
      const item = copyRecursively(source[index], depth + 1);
      array.push(item === undefined ? null : item);
    }
    return array;
  }
  const object: JsonObject = {};
  const keys = Object.keys(source);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string;
    const item = copyRecursively((source as JsonObject)[key], depth + 1);
    if (item === undefined) continue;
    // Assigning `__proto__` would set the prototype; every other key becomes an own property.
    if (key === "__proto__") defineData(object, key, item);
    else object[key] = item;
  }
  return object;
}

function cloneIteratively<T>(value: T): T {
  const holder: unknown[] = [undefined];
  const pending: Array<CloneTask | LeaveTask> = [{ source: value, target: holder, key: 0 }];
  const onPath = new Set<object>();
  while (pending.length > 0) {
    const task = pending.pop() as CloneTask | LeaveTask;
    if ("leave" in task) {
      onPath.delete(task.leave);
      continue;
    }
    const copy = copyShallow(task.source, onPath, pending);
    if (copy === undefined && !Array.isArray(task.target)) continue;
    defineData(task.target, task.key, copy === undefined ? null : copy);
  }
  return holder[0] as T;
}

function copyShallow(source: unknown, onPath: Set<object>, pending: Array<CloneTask | LeaveTask>): unknown {
  if (source === null || typeof source === "string" || typeof source === "boolean") return source;
  if (typeof source === "number") return Number.isFinite(source) ? source : null;
  if (typeof source !== "object") return undefined;
  const withToJson = source as { toJSON?: unknown };
  if (typeof withToJson.toJSON === "function") {
    return copyShallow((withToJson.toJSON as () => unknown).call(source), onPath, pending);
  }
  if (onPath.has(source)) {
    throw new KubesimError("cannot copy an API object that contains a circular reference");
  }
  onPath.add(source);
  pending.push({ leave: source });
  if (Array.isArray(source)) {
    const array: unknown[] = new Array(source.length);
    for (let index = source.length - 1; index >= 0; index--) {
      pending.push({ source: source[index], target: array, key: index });
    }
    return array;
  }
  const object: JsonObject = {};
  const keys = Object.keys(source);
  for (let index = keys.length - 1; index >= 0; index--) {
    const key = keys[index] as string;
    pending.push({ source: (source as JsonObject)[key], target: object, key });
  }
  return object;
}

function defineData(target: Container, key: string | number, value: unknown): void {
  if (Array.isArray(target)) {
    target[key as number] = value;
    return;
  }
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
