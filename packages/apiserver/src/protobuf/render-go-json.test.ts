import { describe, expect, it } from "vitest";
import { decodeFieldsInto, type ProtobufFieldValues } from "./decode-protobuf-fields.js";
import { protobufMessage } from "./protobuf-schema.js";
import { bytes, concat, int, message, string } from "./protobuf-test-encoder.js";
import { ProtobufDecodeError, WireCursor } from "./protobuf-wire.js";
import { goTimeJson, renderGoJson } from "./render-go-json.js";

describe("goTimeJson", () => {
  it.each([
    { name: "Go's zero time is null", seconds: -62135596800, nanos: 0, micro: false, expected: null },
    {
      name: "the Unix epoch is a time, not zero",
      seconds: 0,
      nanos: 0,
      micro: false,
      expected: "1970-01-01T00:00:00Z",
    },
    {
      name: "Time drops the fraction",
      seconds: 1,
      nanos: 999_999_999,
      micro: false,
      expected: "1970-01-01T00:00:01Z",
    },
    {
      name: "MicroTime truncates to microseconds",
      seconds: 1,
      nanos: 999_999_999,
      micro: true,
      expected: "1970-01-01T00:00:01.999999Z",
    },
    {
      name: "nanos past a second carry over",
      seconds: 0,
      nanos: 2_500_000_000,
      micro: true,
      expected: "1970-01-01T00:00:02.500000Z",
    },
    {
      name: "negative nanos borrow a second",
      seconds: 10,
      nanos: -1,
      micro: true,
      expected: "1970-01-01T00:00:09.999999Z",
    },
    {
      name: "negative nanos can reach the zero time",
      seconds: -62135596799,
      nanos: -1_000_000_000,
      micro: false,
      expected: null,
    },
    {
      name: "year 1 is written with four digits",
      seconds: -62135596799,
      nanos: 0,
      micro: false,
      expected: "0001-01-01T00:00:01Z",
    },
    {
      name: "the last second of year 9999",
      seconds: 253402300799,
      nanos: 0,
      micro: false,
      expected: "9999-12-31T23:59:59Z",
    },
  ])("$name", ({ seconds, nanos, micro, expected }) => {
    expect(goTimeJson(seconds, nanos, micro)).toBe(expected);
  });

  it.each([
    { name: "year 10000", seconds: 253402300800 },
    { name: "a negative year", seconds: -62167219201 },
    { name: "beyond JavaScript dates", seconds: 2 ** 62 },
  ])("refuses $name as Go's encoder does", ({ seconds }) => {
    expect(() => goTimeJson(seconds, 0, false)).toThrow(
      new ProtobufDecodeError("Time.MarshalJSON: year outside of range [0,9999]"),
    );
  });
});

describe("renderGoJson", () => {
  const example = protobufMessage(
    "Example",
    "1:text:string: 2:quiet:string:o 3:count:int32: 4:flag:bool:o 5:data:bytes: 6:blob:bytes:o 7:items:string:r 8:tags:string:ro 9:limit:int64:p 10:names:string:m 11:raw:RawExtension:o 12:size:Quantity:o 13:port:IntOrString:o 14:when:Time:o",
  );

  function render(...fields: Uint8Array[]): Record<string, unknown> {
    const body = concat(...fields);
    const values: ProtobufFieldValues = new Map();
    decodeFieldsInto(new WireCursor(body, 0, body.length), example, values);
    return renderGoJson(example, values);
  }

  it.each([
    {
      name: "an empty message is Go's zero struct: non-omitempty fields present, nil slices and pointers null",
      fields: [],
      expected: {
        text: "",
        count: 0,
        data: null,
        items: null,
        limit: null,
        names: null,
        raw: null,
        size: "0",
        port: 0,
        when: null,
      },
    },
    {
      name: "present values, bytes in base64, zero omitempty scalars left out",
      fields: [
        string(1, "a"),
        string(2, ""),
        int(3, 3),
        int(4, false),
        bytes(5, Uint8Array.from([1, 2, 3])),
        bytes(6, new Uint8Array(0)),
        string(7, "x"),
        int(9, 0),
        message(11, bytes(1, Buffer.from('{"a":[1]}'))),
      ],
      expected: {
        text: "a",
        count: 3,
        data: "AQID",
        items: ["x"],
        limit: 0,
        names: null,
        raw: { a: [1] },
        size: "0",
        port: 0,
        when: null,
      },
    },
    {
      name: "present but empty bytes are an empty base64 string without omitempty",
      fields: [bytes(5, new Uint8Array(0))],
      expected: {
        text: "",
        count: 0,
        data: "",
        items: null,
        limit: null,
        names: null,
        raw: null,
        size: "0",
        port: 0,
        when: null,
      },
    },
  ])("renders $name", ({ fields, expected }) => {
    expect(render(...fields)).toEqual(expected);
  });
});
