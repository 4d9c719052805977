import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonStreamDecoder, JsonStreamError } from "./json-stream-decoder.js";

function decode(chunks: ReadonlyArray<string | Uint8Array>): unknown[] {
  const values: unknown[] = [];
  const decoder = new JsonStreamDecoder((value) => values.push(value));
  for (const chunk of chunks) decoder.push(chunk);
  decoder.end();
  return values;
}

const added = { type: "ADDED", object: { metadata: { name: "a", resourceVersion: "5" } } };
const modified = { type: "MODIFIED", object: { metadata: { name: 'b}{"', labels: { "x[": "]" } } } };

describe("JsonStreamDecoder", () => {
  it.each([
    {
      name: "one event per line, as kube-apiserver writes them",
      chunks: [`${JSON.stringify(added)}\n${JSON.stringify(modified)}\n`],
    },
    { name: "events with nothing between them", chunks: [JSON.stringify(added) + JSON.stringify(modified)] },
    {
      name: "events separated by spaces, tabs and CRLF",
      chunks: [` ${JSON.stringify(added)}\r\n\t${JSON.stringify(modified)} `],
    },
    {
      name: "one event split inside a string holding braces and quotes",
      chunks: [
        `${JSON.stringify(added)}\n{"type":"MODIFIED","object":{"metadata":{"name":"b}`,
        `{\\""`,
        `,"labels":{"x[":"]"}}}}`,
      ],
    },
    {
      name: "every byte in its own chunk",
      chunks: [...`${JSON.stringify(added)}\n${JSON.stringify(modified)}`].map((character) => character),
    },
  ])("decodes $name", ({ chunks }) => {
    expect(decode(chunks)).toEqual([added, modified]);
  });

  it("decodes a multi-byte UTF-8 character split across two byte chunks", () => {
    const bytes = new TextEncoder().encode('{"name":"naïve ✓"}');
    const cut = bytes.indexOf(0xe2) + 1; // inside the three bytes of ✓
    expect(decode([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual([{ name: "naïve ✓" }]);
  });

  it("keeps an escaped backslash before a closing quote from hiding the quote", () => {
    expect(decode(['{"a":"x\\\\"}', '{"b":1}'])).toEqual([{ a: "x\\" }, { b: 1 }]);
  });

  it("delivers each event as soon as its last byte arrives", () => {
    const values: unknown[] = [];
    const decoder = new JsonStreamDecoder((value) => values.push(value));
    decoder.push('{"type":"ADDED"}{"type":');
    expect(values).toEqual([{ type: "ADDED" }]);
    decoder.push('"DELETED"}');
    expect(values).toEqual([{ type: "ADDED" }, { type: "DELETED" }]);
  });

  it.each([
    {
      name: "a stream cut inside an event",
      chunks: ['{"type":"ADDED","object":{'],
      message: "unexpected EOF: the watch stream ended inside an event",
    },
    {
      name: "a stream cut inside a UTF-8 character",
      chunks: [new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe2, 0x9c])],
      message: "unexpected EOF: the watch stream ended inside an event",
    },
    {
      name: "a value that is not an object",
      chunks: ['{"a":1}\n[1]'],
      message: 'invalid character "[" looking for the beginning of a watch event',
    },
    {
      name: "plain text",
      chunks: ["404 page not found"],
      message: 'invalid character "4" looking for the beginning of a watch event',
    },
  ])("rejects $name", ({ chunks, message }) => {
    const decoder = new JsonStreamDecoder(() => {});
    const run = (): void => {
      for (const chunk of chunks) decoder.push(chunk);
      decoder.end();
    };
    expect(run).toThrow(JsonStreamError);
    expect(run).toThrow(message);
  });

  it("rejects malformed JSON inside braces, after delivering the events before it", () => {
    const values: unknown[] = [];
    const decoder = new JsonStreamDecoder((value) => values.push(value));
    expect(() => decoder.push('{"a":1}{"b":}')).toThrow(/^malformed watch event: /);
    expect(values).toEqual([{ a: 1 }]);
  });

  it("decodes any sequence of events however the stream is cut", () => {
    const event = fc.record({
      type: fc.constantFrom("ADDED", "MODIFIED", "DELETED", "BOOKMARK"),
      object: fc.dictionary(fc.string(), fc.jsonValue()),
    });
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.constantFrom("\n", "", " \r\n"),
        (events, cuts, separator) => {
          const bytes = new TextEncoder().encode(events.map((item) => JSON.stringify(item)).join(separator));
          const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks: Uint8Array[] = [];
          let previous = 0;
          for (const point of [...points, bytes.length]) {
            chunks.push(bytes.subarray(previous, point));
            previous = point;
          }
          expect(decode(chunks)).toEqual(JSON.parse(JSON.stringify(events)));
        },
      ),
    );
  });
});
