import { describe, expect, it } from "vitest";
import { defaultImagePullPolicy, parseImageReference } from "./image-reference.js";

const sha256 = `sha256:${"a".repeat(64)}`;

describe("defaultImagePullPolicy", () => {
  it.each`
    name                                                                                 | image                               | expected
    ${"An image tagged latest is always pulled."}                                        | ${"nginx:latest"}                   | ${"Always"}
    ${"An untagged image counts as latest and is always pulled."}                        | ${"nginx"}                          | ${"Always"}
    ${"An image with another tag is pulled if not present."}                             | ${"nginx:1.25"}                     | ${"IfNotPresent"}
    ${"A digest-only image is pulled if not present."}                                   | ${`nginx@${sha256}`}                | ${"IfNotPresent"}
    ${"A registry with a port and no tag counts as latest."}                             | ${"localhost:5000/nginx"}           | ${"Always"}
    ${"A registry with a port and a tag uses the tag."}                                  | ${"localhost:5000/nginx:1.0"}       | ${"IfNotPresent"}
    ${"A host name and port alone are an image named after the host."}                   | ${"localhost:5000"}                 | ${"IfNotPresent"}
    ${"A tag and a digest together use the tag."}                                        | ${`nginx:1.25@${sha256}`}           | ${"IfNotPresent"}
    ${"The latest tag with a digest is still always pulled."}                            | ${`nginx:latest@${sha256}`}         | ${"Always"}
    ${"A multi-level path on a private registry without a tag counts as latest."}        | ${"registry.example.com/team/app"}  | ${"Always"}
    ${"An IPv6 registry with a port and a tag uses the tag."}                            | ${"[::1]:5000/app:v2"}              | ${"IfNotPresent"}
    ${"An upper-case repository does not parse and is pulled if not present."}           | ${"Nginx"}                          | ${"IfNotPresent"}
    ${"An empty image does not parse and is pulled if not present."}                     | ${""}                               | ${"IfNotPresent"}
    ${"A too-short digest does not parse and is pulled if not present."}                 | ${"nginx@sha256:abc"}               | ${"IfNotPresent"}
    ${"An upper-case sha256 digest does not parse and is pulled if not present."}        | ${`nginx@sha256:${"A".repeat(64)}`} | ${"IfNotPresent"}
    ${"An unsupported digest algorithm does not parse and is pulled if not present."}    | ${`nginx@md5:${"a".repeat(32)}`}    | ${"IfNotPresent"}
    ${"A bare 64-character hex identifier does not parse and is pulled if not present."} | ${"a".repeat(64)}                   | ${"IfNotPresent"}
    ${"A tag longer than 128 characters does not parse and is pulled if not present."}   | ${`nginx:${"t".repeat(129)}`}       | ${"IfNotPresent"}
    ${"A very long name does not parse and is pulled if not present."}                   | ${`a/${"b".repeat(300)}`}           | ${"IfNotPresent"}
  `("$name (asked twice, the second answer from the cache)", ({ image, expected }) => {
    expect([defaultImagePullPolicy(image), defaultImagePullPolicy(image)]).toEqual([expected, expected]);
  });

  it("answers the same for an image asked again after over a thousand other images were defaulted", () => {
    const first = [defaultImagePullPolicy("app:latest"), defaultImagePullPolicy("app:1.0")];
    for (let index = 0; index < 1500; index++) defaultImagePullPolicy(`app:${index}`);
    expect([...first, defaultImagePullPolicy("app:latest"), defaultImagePullPolicy("app:1.0")]).toEqual([
      "Always",
      "IfNotPresent",
      "Always",
      "IfNotPresent",
    ]);
  });
});

describe("parseImageReference", () => {
  it.each([
    {
      name: "A familiar name is normalized onto Docker Hub's library.",
      image: "nginx:1.25",
      expected: { name: "docker.io/library/nginx", tag: "1.25", digest: "" },
    },
    {
      name: "A Docker Hub user repository keeps its path.",
      image: "bitnami/nginx",
      expected: { name: "docker.io/bitnami/nginx", tag: "", digest: "" },
    },
    {
      name: "The legacy index.docker.io domain is Docker Hub.",
      image: "index.docker.io/nginx",
      expected: { name: "docker.io/library/nginx", tag: "", digest: "" },
    },
    {
      name: "A localhost registry without a port is a registry.",
      image: "localhost/app:dev",
      expected: { name: "localhost/app", tag: "dev", digest: "" },
    },
    {
      name: "A digest reference keeps the digest.",
      image: `ghcr.io/org/app@${sha256}`,
      expected: { name: "ghcr.io/org/app", tag: "", digest: sha256 },
    },
  ])("$name", ({ image, expected }) => {
    expect(parseImageReference(image)).toStrictEqual(expected);
  });

  it("rejects a huge input quickly instead of backtracking", () => {
    const started = performance.now();
    expect(parseImageReference(`${"a.".repeat(50_000)}!`)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
