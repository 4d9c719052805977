import { resourceTable } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { generatedProtobufMessages } from "./generated-protobuf-schema.js";
import {
  isProtobufScalar,
  isProtobufSpecial,
  protobufMessage,
  protobufMessages,
  protobufRootMessage,
} from "./protobuf-schema.js";

describe("the generated protobuf schema", () => {
  it.each(resourceTable.map((info) => ({ apiVersion: info.apiVersion, kind: info.kind })))(
    "decodes $apiVersion $kind, a kind of core's resource table",
    ({ apiVersion, kind }) => {
      expect(protobufRootMessage(apiVersion, kind)?.name).toBe(kind);
    },
  );

  it.each([
    { apiVersion: "v1", kind: "Binding", message: "Binding" },
    { apiVersion: "policy/v1", kind: "Eviction", message: "Eviction" },
    { apiVersion: "v1", kind: "DeleteOptions", message: "DeleteOptions" },
    { apiVersion: "apps/v1", kind: "DeleteOptions", message: "DeleteOptions" },
    { apiVersion: "meta.k8s.io/v1", kind: "DeleteOptions", message: "DeleteOptions" },
    { apiVersion: "apps/v1", kind: "Namespace", message: undefined },
    { apiVersion: "v1", kind: "ConfigMap", message: undefined },
    { apiVersion: "v1", kind: "__proto__", message: undefined },
  ])("finds $apiVersion $kind as $message", ({ apiVersion, kind, message }) => {
    expect(protobufRootMessage(apiVersion, kind)?.name).toBe(message);
  });

  it("names only types it defines, and no message contains itself (decoding depth is bounded)", () => {
    const messages = protobufMessages();
    const unresolved: string[] = [];
    const cycles: string[] = [];
    const visiting = new Set<string>();
    const done = new Set<string>();
    function visit(name: string, path: readonly string[]): void {
      if (done.has(name)) return;
      if (visiting.has(name)) {
        cycles.push([...path, name].join(" > "));
        return;
      }
      visiting.add(name);
      for (const field of messages.get(name)?.fields ?? []) {
        if (isProtobufScalar(field.type) || isProtobufSpecial(field.type)) continue;
        if (!messages.has(field.type)) unresolved.push(`${name}.${field.jsonName}: ${field.type}`);
        else visit(field.type, [...path, name]);
      }
      visiting.delete(name);
      done.add(name);
    }
    for (const name of messages.keys()) visit(name, []);
    expect({ unresolved, cycles, count: Object.keys(generatedProtobufMessages).length }).toEqual({
      unresolved: [],
      cycles: [],
      count: 182,
    });
  });

  it("reads an entry's number, JSON name, type, flags and Go name", () => {
    expect(
      protobufMessage("Example", "7:uid:string:op:UID 2::VolumeSource:i 3:labels:string:mo").fields,
    ).toEqual([
      {
        number: 7,
        jsonName: "uid",
        goName: "UID",
        type: "string",
        repeated: false,
        map: false,
        omitEmpty: true,
        pointer: true,
        inline: false,
      },
      {
        number: 2,
        jsonName: "",
        goName: "",
        type: "VolumeSource",
        repeated: false,
        map: false,
        omitEmpty: false,
        pointer: false,
        inline: true,
      },
      {
        number: 3,
        jsonName: "labels",
        goName: "Labels",
        type: "string",
        repeated: false,
        map: true,
        omitEmpty: true,
        pointer: false,
        inline: false,
      },
    ]);
  });
});
