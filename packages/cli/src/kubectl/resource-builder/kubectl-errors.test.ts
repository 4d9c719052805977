import {
  createAlreadyExistsError,
  createInvalidError,
  createNotFoundError,
  fieldErrors,
  KubesimError,
  StatusError,
} from "@kubesim/core";
import { describe, expect, it } from "vitest";
import {
  addSourceToError,
  continueOnErrorResult,
  ErrorList,
  errorMessage,
  formatCommandError,
  usageError,
} from "./kubectl-errors.js";

const notFound = createNotFoundError({ group: "apps", resource: "daemonsets" }, "nope");
const invalid = createInvalidError({ group: "apps", kind: "DaemonSet" }, "bad", [
  fieldErrors.required("spec.template.spec.containers"),
]);

describe("formatCommandError", () => {
  it.each([
    {
      name: "a Status error is printed as Error from server",
      error: notFound,
      text: 'Error from server (NotFound): daemonsets.apps "nope" not found\n',
    },
    { name: "a plain error gets the error prefix", error: new KubesimError("boom"), text: "error: boom\n" },
    {
      name: "an error already starting with error: is not prefixed twice",
      error: new KubesimError("error: boom"),
      text: "error: boom\n",
    },
    {
      name: "a list of one error is unwrapped",
      error: new ErrorList([new KubesimError("boom")]),
      text: "error: boom\n",
    },
    {
      name: "a list prints one bare line per error and Status errors as Error from server",
      error: new ErrorList([new KubesimError("first"), notFound]),
      text: 'first\nError from server (NotFound): daemonsets.apps "nope" not found\n',
    },
    {
      name: "an Invalid error in a list is printed with its reason, not as the Invalid block",
      error: new ErrorList([invalid, invalid]),
      text: 'Error from server (Invalid): DaemonSet.apps "bad" is invalid: spec.template.spec.containers: Required value\nError from server (Invalid): DaemonSet.apps "bad" is invalid: spec.template.spec.containers: Required value\n',
    },
    {
      name: "an Invalid error alone prints the Invalid block",
      error: invalid,
      text: 'The DaemonSet "bad" is invalid: spec.template.spec.containers: Required value\n',
    },
    {
      name: "a nested list inside a list prints as Go's bracketed aggregate text",
      error: new ErrorList([
        new KubesimError("a"),
        new ErrorList([new KubesimError("b"), new KubesimError("c")]),
      ]),
      text: "a\n[b, c]\n",
    },
  ])("$name", ({ error, text }) => {
    expect(formatCommandError(error)).toBe(text);
  });
});

describe("error helpers", () => {
  it("addSourceToError keeps a Status error's reason and prefixes its message", () => {
    const error = addSourceToError(
      "creating",
      "ds.yaml",
      createAlreadyExistsError({ group: "apps", resource: "daemonsets" }, "nginx"),
    );
    expect(StatusError.isInstance(error)).toBe(true);
    expect(formatCommandError(error)).toBe(
      'Error from server (AlreadyExists): error when creating "ds.yaml": daemonsets.apps "nginx" already exists\n',
    );
  });

  it("addSourceToError leaves errors of command-line objects alone", () => {
    expect(addSourceToError("deleting", "", notFound)).toBe(notFound);
  });

  it("addSourceToError prefixes a plain error's message", () => {
    expect(errorMessage(addSourceToError("creating", "x.yaml", new KubesimError("boom")))).toBe(
      'error when creating "x.yaml": boom',
    );
  });

  it.each([
    { name: "no errors give nothing", errors: [], result: undefined },
    { name: "one error is returned as is", errors: [notFound], result: notFound },
  ])("continueOnErrorResult: $name", ({ errors, result }) => {
    expect(continueOnErrorResult(errors)).toBe(result);
  });

  it("an ErrorList's message is Go's aggregate text with repeats once", () => {
    expect(new ErrorList([new KubesimError("a"), new KubesimError("a"), new KubesimError("b")]).message).toBe(
      "[a, b]",
    );
  });

  it("usageError adds kubectl's help hint", () => {
    expect(usageError("rollout undo", "Unexpected args: [x]").message).toBe(
      "Unexpected args: [x]\nSee 'kubesim rollout undo -h' for help and examples",
    );
  });
});
