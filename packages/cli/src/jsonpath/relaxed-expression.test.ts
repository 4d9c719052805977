import { describe, expect, it } from "vitest";
import { relaxedJsonPathExpression } from "./relaxed-expression.js";

describe("relaxedJsonPathExpression", () => {
  it.each([
    { name: "a dotted path", expression: ".spec.nodeName", template: "{.spec.nodeName}" },
    { name: "a path without the leading dot", expression: "spec.nodeName", template: "{.spec.nodeName}" },
    { name: "a braced path", expression: "{.metadata.name}", template: "{.metadata.name}" },
    { name: "a braced path without the dot", expression: "{metadata.name}", template: "{.metadata.name}" },
    { name: "an empty path", expression: "", template: "" },
  ])("turns $name into a template", ({ expression, template }) => {
    expect(relaxedJsonPathExpression(expression)).toBe(template);
  });

  it("rejects two actions with kubectl's message", () => {
    expect(() => relaxedJsonPathExpression("{.a}{.b}")).toThrowError(
      /^unexpected path string, expected a 'name1\.name2' or '\.name1\.name2' or '\{name1\.name2\}' or '\{\.name1\.name2\}'$/,
    );
  });
});
