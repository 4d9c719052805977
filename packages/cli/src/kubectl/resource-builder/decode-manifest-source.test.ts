import { describe, expect, it } from "vitest";
import { decodeManifestSource } from "./decode-manifest-source.js";
import { errorMessage } from "./kubectl-errors.js";

function names(text: string) {
  const decoded = decodeManifestSource({ name: "m.yaml", text });
  return {
    documents: decoded.documents.map((document) =>
      "error" in document
        ? `error: ${errorMessage(document.error)}`
        : document.objects.map((object) => object.metadata?.name).join(","),
    ),
    streamError: decoded.streamError === undefined ? undefined : errorMessage(decoded.streamError),
  };
}

const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n`;

describe("decodeManifestSource", () => {
  it.each([
    { name: "documents separated by --- lines", text: `${pod("a")}---\n${pod("b")}`, documents: ["a", "b"] },
    {
      name: "a separator followed by a comment",
      text: `${pod("a")}--- # next\n${pod("b")}`,
      documents: ["a", "b"],
    },
    {
      name: "empty documents are skipped",
      text: `---\n# only a comment\n---\n${pod("a")}---\n`,
      documents: ["a"],
    },
    { name: "a UTF-8 byte order mark is ignored", text: `\uFEFF${pod("a")}`, documents: ["a"] },
    {
      name: "a List document gives its items",
      text: "apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Pod, metadata: {name: a}}\n- {apiVersion: v1, kind: Pod, metadata: {name: b}}\n",
      documents: ["a,b"],
    },
  ])("reads $name", ({ text, documents }) => {
    expect(names(text)).toEqual({ documents, streamError: undefined });
  });

  it("a document without kind is that document's error and the next one is still read", () => {
    expect(names(`apiVersion: v1\nmetadata: {name: x}\n---\n${pod("b")}`)).toEqual({
      documents: [
        `error: unable to decode "m.yaml": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"x"}}'`,
        "b",
      ],
      streamError: undefined,
    });
  });

  it("text after a separator ends the file with kubectl's separator error", () => {
    expect(names(`${pod("a")}--- !!map\n${pod("b")}`)).toEqual({
      documents: [],
      streamError: "error parsing m.yaml: invalid Yaml document separator: !!map",
    });
  });

  it("an unreadable file is its stream error", () => {
    const decoded = decodeManifestSource({
      name: "x.yaml",
      readError: new Error("open x.yaml: permission denied"),
    });
    expect(decoded.documents).toEqual([]);
    expect(errorMessage(decoded.streamError)).toBe("open x.yaml: permission denied");
  });
});
