import { type ApiClient, type Binding, KubesimError, type Pod } from "@kubesim/core";
import type { BindPlugin } from "../../framework/plugin.js";
import type { PluginDefinition } from "../../framework/plugin-definition.js";
import { errorStatus, type Status } from "../../framework/status.js";
import type { Handle } from "../../framework/types.js";
import { binderClient } from "./binder-handle.js";

const name = "DefaultBinder";

/**
 * The Binding DefaultBinder posts for a pod: the pod's namespace, name and uid, targeting
 * the node by name.
 *
 * @example
 * podBinding({ metadata: { namespace: "ns", name: "foo" } }, "node-1");
 * // => { apiVersion: "v1", kind: "Binding", metadata: { namespace: "ns", name: "foo" },
 * //      target: { kind: "Node", name: "node-1" } }
 */
export function podBinding(pod: Pod, nodeName: string): Binding {
  const metadata = pod.metadata ?? {};
  return {
    apiVersion: "v1",
    kind: "Binding",
    metadata: {
      ...(metadata.namespace === undefined ? {} : { namespace: metadata.namespace }),
      ...(metadata.name === undefined ? {} : { name: metadata.name }),
      ...(metadata.uid === undefined ? {} : { uid: metadata.uid }),
    },
    target: { kind: "Node", name: nodeName },
  };
}

/**
 * Builds the DefaultBinder Bind plugin: binds the pod through `client.bind` (the
 * `pods/binding` subresource). A failed call is an Error status with the client's message.
 */
export function createDefaultBinder(client: ApiClient): BindPlugin {
  return {
    name,
    async bind(_state, pod: Pod, nodeName: string): Promise<Status | undefined> {
      try {
        await client.bind(podBinding(pod, nodeName));
        return undefined;
      } catch (error) {
        return errorStatus(error);
      }
    },
  } satisfies BindPlugin;
}

/**
 * The in-tree DefaultBinder plugin (upstream `defaultbinder.DefaultBinder`). Takes no
 * args; its factory takes the client from the handle (`client`, see `BinderHandle`, or
 * the scheduler runtime's `scheduler.client`) and throws a KubesimError when there is
 * none, e.g. under `evaluatePlugin`.
 */
export const defaultBinderDefinition: PluginDefinition = {
  name,
  factory: (_args, handle: Handle) => {
    const client = binderClient(handle);
    if (client === undefined) {
      throw new KubesimError(
        "DefaultBinder needs a handle with an ApiClient (`client`) to bind pods; this handle has none",
      );
    }
    return createDefaultBinder(client);
  },
};
