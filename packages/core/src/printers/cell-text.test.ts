import { describe, expect, it } from "vitest";
import { formatCellText } from "./cell-text.js";

describe("formatCellText", () => {
  it.each([
    { name: "a string prints as is", cell: "Running", expected: "Running" },
    { name: "null prints nothing", cell: null, expected: "" },
    { name: "undefined prints nothing", cell: undefined, expected: "" },
    { name: "an integer prints in decimal", cell: 42, expected: "42" },
    { name: "a large integer prints all its digits", cell: 2 ** 60, expected: "1152921504606846976" },
    { name: "a float prints in Go's %v form", cell: 1234567.5, expected: "1.2345675e+06" },
    { name: "a boolean prints true or false", cell: false, expected: "false" },
    { name: "a line break cuts the string and appends ...", cell: "one\ntwo", expected: "one..." },
    { name: "a carriage return cuts the string too", cell: "one\rtwo", expected: "one..." },
    { name: "a form feed cuts the string too", cell: "one\ftwo", expected: "one..." },
    { name: "ESC is escaped as ^[", cell: "\u001b[1mbold", expected: "^[[1mbold" },
    { name: "a list prints like a Go slice", cell: ["a", 1], expected: "[a 1]" },
    {
      name: "an object prints like a Go map with sorted keys",
      cell: { b: 1, a: null },
      expected: "map[a:<nil> b:1]",
    },
  ])("$name", ({ cell, expected }) => {
    expect(formatCellText(cell)).toBe(expected);
  });
});
