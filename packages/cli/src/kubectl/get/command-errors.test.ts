import { createNotFoundError, StatusError } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { commandError, formatCommandErrors } from "./command-errors.js";

const notFound = (name: string) => createNotFoundError({ group: "apps", resource: "daemonsets" }, name);

describe("formatCommandErrors", () => {
  it.each([
    { name: "no errors print nothing", errors: [], text: "" },
    {
      name: "one API error prints kubectl's standard line",
      errors: [notFound("a")],
      text: 'Error from server (NotFound): daemonsets.apps "a" not found\n',
    },
    { name: "one plain error gets the error prefix", errors: [commandError("boom")], text: "error: boom\n" },
    {
      name: "several errors print one line each, plain ones without the prefix",
      errors: [
        notFound("a"),
        commandError("boom"),
        new StatusError({ reason: "", code: 500, message: "odd" }),
      ],
      text: 'Error from server (NotFound): daemonsets.apps "a" not found\nboom\nError from server: odd\n',
    },
  ])("$name", ({ errors, text }) => {
    expect(formatCommandErrors(errors)).toBe(text);
  });
});
