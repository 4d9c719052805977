/**
 * Container image references, parsed the way the API server parses them to default
 * `imagePullPolicy` (a normalized Docker reference: `[domain/]path[:tag][@digest]`).
 */

/** The tag and digest of a valid image reference (empty strings when absent). */
export interface ImageReference {
  /** The repository with its registry, normalized: `nginx` is `docker.io/library/nginx`. */
  readonly name: string;
  /** The tag, or `""`. */
  readonly tag: string;
  /** The digest (`sha256:...`), or `""`. */
  readonly digest: string;
}

const domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const ipv6Host = "\\[(?:[a-fA-F0-9:]+)\\]";
const domainAndPort = `(?:${domainName}|${ipv6Host})(?::[0-9]+)?`;
const pathComponent = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
const namePattern = `(?:${domainAndPort}/)?${pathComponent}(?:/${pathComponent})*`;
const tagPattern = "[\\w][\\w.-]{0,127}";
const digestPattern = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
const referencePattern = new RegExp(`^(${namePattern})(?::(${tagPattern}))?(?:@(${digestPattern}))?$`);
const bareIdentifierPattern = /^[a-f0-9]{64}$/;
const domainHintPattern = /[.:]/;

/** Hex length of each digest algorithm the API server can verify. */
const digestHexLength: ReadonlyMap<string, number> = new Map([
  ["sha256", 64],
  ["sha384", 96],
  ["sha512", 128],
]);
const lowerHexPattern = /^[a-f0-9]+$/;

const maxNameLength = 255;
// No valid reference is longer: a 255-character name, a 128-character tag and a sha512
// digest. Checking this first keeps the regular expression away from huge inputs.
const maxReferenceLength = maxNameLength + 1 + 128 + 1 + "sha512:".length + 128;

/**
 * Parses an image reference as the API server does (distribution's
 * `ParseNormalizedNamed`); returns undefined for an invalid one.
 *
 * @remarks
 * Familiar names are normalized (`nginx` is `docker.io/library/nginx`). The part before
 * the first `/` is a registry only when it contains `.` or `:`, is `localhost`, or has
 * upper-case letters; so `localhost:5000/nginx` has no tag, while `localhost:5000`
 * alone is the image `library/localhost` with tag `5000`. Repository paths must be
 * lower case, names at most 255 characters, and digests a supported algorithm with
 * the right number of lower-case hex digits.
 */
export function parseImageReference(image: string): ImageReference | undefined {
  if (image.length > maxReferenceLength || bareIdentifierPattern.test(image)) return undefined;
  const { domain, remainder } = splitDomain(image);
  const tagSeparator = remainder.indexOf(":");
  const remoteName = tagSeparator === -1 ? remainder : remainder.slice(0, tagSeparator);
  if (remoteName.toLowerCase() !== remoteName) return undefined;
  const match = referencePattern.exec(`${domain}/${remainder}`);
  if (match === null) return undefined;
  const name = match[1] ?? "";
  const tag = match[2] ?? "";
  const digest = match[3] ?? "";
  if (name.length > maxNameLength) return undefined;
  if (digest !== "" && !isSupportedDigest(digest)) return undefined;
  return { name, tag, digest };
}

/**
 * The `imagePullPolicy` the API server defaults for `image`: `Always` when the tag is
 * `latest` or the reference has neither tag nor digest, otherwise `IfNotPresent`
 * (digest-only references and references that fail to parse included).
 */
export function defaultImagePullPolicy(image: string): "Always" | "IfNotPresent" {
  const cached = pullPolicies.get(image);
  if (cached !== undefined) return cached;
  const policy = computePullPolicy(image);
  if (image.length <= maxReferenceLength) {
    if (pullPolicies.size >= pullPoliciesLimit) {
      // Forget the oldest entry (a Map iterates in insertion order).
      const oldest = pullPolicies.keys().next();
      if (oldest.done !== true) pullPolicies.delete(oldest.value);
    }
    pullPolicies.set(image, policy);
  }
  return policy;
}

/**
 * Recently defaulted images and their pull policy: a pure function of the text, and the
 * same few images come with every pod, so most creates skip the reference pattern.
 */
const pullPolicies = new Map<string, "Always" | "IfNotPresent">();
const pullPoliciesLimit = 1024;

function computePullPolicy(image: string): "Always" | "IfNotPresent" {
  const reference = parseImageReference(image);
  if (reference === undefined) return "IfNotPresent";
  const tag = reference.tag === "" && reference.digest === "" ? "latest" : reference.tag;
  return tag === "latest" ? "Always" : "IfNotPresent";
}

function splitDomain(image: string): { domain: string; remainder: string } {
  const slash = image.indexOf("/");
  let domain = "docker.io";
  let remainder = image;
  if (slash !== -1) {
    const candidate = image.slice(0, slash);
    if (
      candidate === "localhost" ||
      domainHintPattern.test(candidate) ||
      candidate.toLowerCase() !== candidate
    ) {
      domain = candidate === "index.docker.io" ? "docker.io" : candidate;
      remainder = image.slice(slash + 1);
    }
  }
  if (domain === "docker.io" && !remainder.includes("/")) remainder = `library/${remainder}`;
  return { domain, remainder };
}

function isSupportedDigest(digest: string): boolean {
  const colon = digest.indexOf(":");
  const expectedLength = digestHexLength.get(digest.slice(0, colon));
  const hex = digest.slice(colon + 1);
  return expectedLength !== undefined && hex.length === expectedLength && lowerHexPattern.test(hex);
}
