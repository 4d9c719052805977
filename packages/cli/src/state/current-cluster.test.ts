import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearCurrentCluster, readCurrentCluster, writeCurrentCluster } from "./current-cluster.js";

describe("the current-cluster pointer", () => {
  let home = "";
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), "kubesim-pointer-"));
  });
  afterEach(() => {
    rmSync(home, { recursive: true, force: true });
  });

  it("Reads nothing before any cluster was made current", () => {
    expect(readCurrentCluster(home)).toBeUndefined();
  });

  it("Reads back the last name written and leaves no temporary file", () => {
    writeCurrentCluster(home, "first");
    writeCurrentCluster(home, "second");
    expect(readCurrentCluster(home)).toBe("second");
    expect(readdirSync(home)).toEqual(["current-cluster"]);
  });

  it("Creates the home folder when it does not exist yet", () => {
    const nested = join(home, "not", "yet");
    writeCurrentCluster(nested, "demo");
    expect(readCurrentCluster(nested)).toBe("demo");
  });

  it("Reads nothing after it was cleared", () => {
    writeCurrentCluster(home, "demo");
    clearCurrentCluster(home);
    expect(readCurrentCluster(home)).toBeUndefined();
  });

  it("Refuses to write an invalid name", () => {
    expect(() => writeCurrentCluster(home, "Bad/Name")).toThrow('invalid cluster name "Bad/Name"');
  });

  it("Reports a pointer file that holds an invalid name", () => {
    writeFileSync(join(home, "current-cluster"), "../../etc\n");
    expect(() => readCurrentCluster(home)).toThrow(
      `${join(home, "current-cluster")} is corrupt (invalid cluster name "../../etc": a lowercase RFC 1123 label`,
    );
  });
});
