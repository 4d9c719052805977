/**
 * The served cluster's client with `beforeRequest` run first on every method call: the API
 * server moves the cluster's clock to the wall clock before each request, so the timestamps
 * a request writes and the ages a Table answer shows are those of the moment it arrived.
 *
 * Every method is passed through, not only the `ApiClient` ones: the API server looks for
 * optional store methods (`patchWithOutcome`, `finalizeNamespace`) and must still find them.
 */
export function syncedClient<T extends object>(client: T, beforeRequest: () => void): T {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      let method = wrapped.get(property);
      if (method === undefined) {
        method = (...args: unknown[]): unknown => {
          beforeRequest();
          // Called on the client itself: a class with private fields rejects a proxy as `this`.
          return (value as (...parameters: unknown[]) => unknown).apply(target, args);
        };
        wrapped.set(property, method);
      }
      return method;
    },
  });
}
