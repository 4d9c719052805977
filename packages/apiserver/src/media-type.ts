/**
 * Reading the `Accept` header as kube-apiserver's content negotiation does: the client's
 * media ranges in order, the first one the server can produce wins.
 */

/** One media range of an `Accept` header: `type/subtype` and its parameters. */
export interface MediaRange {
  /** `application/json`, `*\/*`, ... in lower case. */
  readonly mediaType: string;
  /** Parameters such as `as`, `g`, `v` (names in lower case, values as sent). */
  readonly parameters: ReadonlyMap<string, string>;
}

/** What a resource request asks to get back. */
export type ResourceRendering =
  | { readonly kind: "object" }
  | { readonly kind: "table"; readonly apiVersion: string };

/** What a discovery request (`/api`, `/apis`) asks to get back. */
export type DiscoveryRendering =
  | { readonly kind: "legacy" }
  | { readonly kind: "aggregated"; readonly apiVersion: string; readonly contentType: string };

const jsonTypes = new Set(["application/json", "application/*", "*/*"]);
const tableVersions = new Set(["v1", "v1beta1"]);
const discoveryVersions = new Set(["v2", "v2beta1"]);

/** Splits an `Accept` header into media ranges, in the client's order; malformed parts are skipped. */
export function parseAccept(header: string | undefined): MediaRange[] {
  if (header === undefined || header === "") return [];
  const ranges: MediaRange[] = [];
  for (const part of header.split(",")) {
    const [type, ...rawParameters] = part.split(";");
    const mediaType = (type ?? "").trim().toLowerCase();
    if (!mediaType.includes("/")) continue;
    const parameters = new Map<string, string>();
    for (const raw of rawParameters) {
      const equals = raw.indexOf("=");
      if (equals <= 0) continue;
      parameters.set(raw.slice(0, equals).trim().toLowerCase(), raw.slice(equals + 1).trim());
    }
    ranges.push({ mediaType, parameters });
  }
  return ranges;
}

/** True for a plain JSON range: no `as=` conversion asked for. */
function isPlainJson(range: MediaRange): boolean {
  return jsonTypes.has(range.mediaType) && !range.parameters.has("as");
}

/**
 * How to render a resource answer: a `meta.k8s.io` Table when the first acceptable range
 * asks for one (`application/json;as=Table;v=v1;g=meta.k8s.io`, what `kubectl get` sends),
 * the object or list itself otherwise. Ranges the server cannot produce (protobuf,
 * unknown conversions) are passed over; when none is acceptable the answer is plain JSON
 * (kube-apiserver would send 406 there; kubesim is lenient).
 */
export function resourceRendering(accept: string | undefined): ResourceRendering {
  for (const range of parseAccept(accept)) {
    if (range.mediaType === "application/json" && range.parameters.get("as") === "Table") {
      const version = range.parameters.get("v") ?? "";
      if (range.parameters.get("g") === "meta.k8s.io" && tableVersions.has(version)) {
        return { kind: "table", apiVersion: `meta.k8s.io/${version}` };
      }
      continue;
    }
    if (isPlainJson(range)) return { kind: "object" };
  }
  return { kind: "object" };
}

/**
 * How to answer `/api` and `/apis`: aggregated discovery (`APIGroupDiscoveryList`,
 * `apidiscovery.k8s.io/v2` or `v2beta1`) when the first acceptable range asks for it, the
 * legacy `APIVersions` / `APIGroupList` otherwise.
 */
export function discoveryRendering(accept: string | undefined): DiscoveryRendering {
  for (const range of parseAccept(accept)) {
    if (range.mediaType === "application/json" && range.parameters.get("as") === "APIGroupDiscoveryList") {
      const version = range.parameters.get("v") ?? "";
      if (range.parameters.get("g") === "apidiscovery.k8s.io" && discoveryVersions.has(version)) {
        return {
          kind: "aggregated",
          apiVersion: `apidiscovery.k8s.io/${version}`,
          contentType: `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`,
        };
      }
      continue;
    }
    if (isPlainJson(range)) return { kind: "legacy" };
  }
  return { kind: "legacy" };
}
