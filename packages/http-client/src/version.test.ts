import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { defaultUserAgent, httpClientVersion } from "./version.js";

describe("httpClientVersion", () => {
  it("is package.json's version, and the default User-Agent carries it", () => {
    const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    expect([httpClientVersion, defaultUserAgent]).toEqual([manifest.version, `kubesim/${manifest.version}`]);
  });
});
