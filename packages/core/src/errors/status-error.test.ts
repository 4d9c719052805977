import { describe, expect, it } from "vitest";
import { fieldErrors } from "./field-error.js";
import { goIntOrString, goStringMap } from "./go-format.js";
import { formatKubectlError } from "./kubectl-error.js";
import { KubesimError } from "./kubesim-error.js";
import {
  createAlreadyExistsError,
  createBadRequestError,
  createConflictError,
  createForbiddenError,
  createGoneError,
  createInvalidError,
  createMethodNotAllowedError,
  createNotFoundError,
  createResourceExpiredError,
  isAlreadyExists,
  isBadRequest,
  isConflict,
  isForbidden,
  isGone,
  isInvalid,
  isMethodNotAllowed,
  isNotFound,
  StatusError,
} from "./status-error.js";

const daemonSets = { group: "apps", resource: "daemonsets" };
const nodes = { group: "", resource: "nodes" };

describe("Status error constructors", () => {
  it.each([
    {
      name: "NotFound names the grouped resource and the object",
      error: createNotFoundError(daemonSets, "x"),
      message: 'daemonsets.apps "x" not found',
      reason: "NotFound",
      code: 404,
      details: { name: "x", group: "apps", kind: "daemonsets" },
      predicate: isNotFound,
    },
    {
      name: "NotFound for a core resource has no group suffix",
      error: createNotFoundError({ group: "", resource: "pods" }, "web-1"),
      message: 'pods "web-1" not found',
      reason: "NotFound",
      code: 404,
      details: { name: "web-1", group: "", kind: "pods" },
      predicate: isNotFound,
    },
    {
      name: "AlreadyExists names the object that is already there",
      error: createAlreadyExistsError(daemonSets, "nginx"),
      message: 'daemonsets.apps "nginx" already exists',
      reason: "AlreadyExists",
      code: 409,
      details: { name: "nginx", group: "apps", kind: "daemonsets" },
      predicate: isAlreadyExists,
    },
    {
      name: "Conflict carries upstream's optimistic-lock message by default",
      error: createConflictError(nodes, "node-1"),
      message:
        'Operation cannot be fulfilled on nodes "node-1": the object has been modified; please apply your changes to the latest version and try again',
      reason: "Conflict",
      code: 409,
      details: { name: "node-1", group: "", kind: "nodes" },
      predicate: isConflict,
    },
    {
      name: "BadRequest keeps the message as given",
      error: createBadRequestError('unable to parse requirement: found "=", expected: identifier'),
      message: 'unable to parse requirement: found "=", expected: identifier',
      reason: "BadRequest",
      code: 400,
      details: undefined,
      predicate: isBadRequest,
    },
    {
      name: "an expired resourceVersion is a 410 with reason Expired",
      error: createResourceExpiredError("5", "10"),
      message: "too old resource version: 5 (10)",
      reason: "Expired",
      code: 410,
      details: undefined,
      predicate: isGone,
    },
    {
      name: "Gone is a 410 with reason Gone",
      error: createGoneError("the resource is gone"),
      message: "the resource is gone",
      reason: "Gone",
      code: 410,
      details: undefined,
      predicate: isGone,
    },
    {
      name: "Forbidden names the resource and the reason",
      error: createForbiddenError(
        { group: "", resource: "pods" },
        "p",
        "unable to create new content in namespace x because it is being terminated",
      ),
      message:
        'pods "p" is forbidden: unable to create new content in namespace x because it is being terminated',
      reason: "Forbidden",
      code: 403,
      details: { name: "p", group: "", kind: "pods" },
      predicate: isForbidden,
    },
    {
      name: "MethodNotAllowed names the action and resource",
      error: createMethodNotAllowedError({ group: "", resource: "events" }, "eviction"),
      message: 'eviction is not supported on resources of kind "events"',
      reason: "MethodNotAllowed",
      code: 405,
      details: { group: "", kind: "events" },
      predicate: isMethodNotAllowed,
    },
  ])("$name", ({ error, message, reason, code, details, predicate }) => {
    expect(error.message).toBe(message);
    expect(error.reason).toBe(reason);
    expect(error.code).toBe(code);
    expect(error.status).toMatchObject({
      apiVersion: "v1",
      kind: "Status",
      status: "Failure",
      message,
      reason,
      code,
    });
    expect(error.status.details).toEqual(details);
    expect(error.name).toBe(`StatusError (reason ${reason})`);
    expect(predicate(error)).toBe(true);
    expect(StatusError.isInstance(error)).toBe(true);
    expect(KubesimError.isInstance(error)).toBe(true);
  });

  it("predicates reject other reasons and non-errors", () => {
    expect(isNotFound(createAlreadyExistsError(daemonSets, "x"))).toBe(false);
    expect(isNotFound(new Error('daemonsets.apps "x" not found'))).toBe(false);
    expect(StatusError.isInstance({ status: { reason: "NotFound" } })).toBe(false);
    expect(isInvalid(undefined)).toBe(false);
  });
});

describe("createInvalidError", () => {
  it("renders one field error exactly as the API server does", () => {
    const error = createInvalidError({ group: "apps", kind: "DaemonSet" }, "nginx", [
      fieldErrors.invalid(
        "spec.template.metadata.labels",
        goStringMap({ app: "web" }),
        "`selector` does not match template `labels`",
      ),
    ]);
    expect(error.message).toBe(
      'DaemonSet.apps "nginx" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    );
    expect(error.code).toBe(422);
    expect(error.status.details).toEqual({
      name: "nginx",
      group: "apps",
      kind: "DaemonSet",
      causes: [
        {
          reason: "FieldValueInvalid",
          message:
            'Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
          field: "spec.template.metadata.labels",
        },
      ],
    });
  });

  it("lists several field errors in brackets and drops exact repeats", () => {
    const error = createInvalidError({ group: "", kind: "Pod" }, "p", [
      fieldErrors.required("spec.containers"),
      fieldErrors.notSupported("spec.restartPolicy", "Sometimes", ["Always", "OnFailure", "Never"]),
      fieldErrors.required("spec.containers"),
    ]);
    expect(error.message).toBe(
      'Pod "p" is invalid: [spec.containers: Required value, spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"]',
    );
    expect(error.status.details?.causes).toHaveLength(3);
    expect(error.errors.map((fieldError) => fieldError.type)).toEqual([
      "FieldValueRequired",
      "FieldValueNotSupported",
      "FieldValueRequired",
    ]);
    expect(error.errors[1]?.badValue).toBe("Sometimes");
  });

  it.each([
    {
      name: "an int-or-string percent renders as Go's struct literal",
      error: fieldErrors.invalid(
        "spec.updateStrategy.rollingUpdate.maxUnavailable",
        goIntOrString("120%"),
        "must not be greater than 100%",
      ),
      body: 'Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"120%"}: must not be greater than 100%',
    },
    {
      name: "an int-or-string integer renders with Type 0",
      error: fieldErrors.invalid(
        "spec.updateStrategy.rollingUpdate.maxSurge",
        goIntOrString(1),
        "may not be set when maxUnavailable is non-zero",
      ),
      body: 'Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero',
    },
    {
      name: "a number renders plainly",
      error: fieldErrors.invalid("spec.minReadySeconds", -1, "must be greater than or equal to 0"),
      body: "Invalid value: -1: must be greater than or equal to 0",
    },
    {
      name: "a Required error with detail shows no value",
      error: fieldErrors.required(
        "spec.updateStrategy.rollingUpdate.maxUnavailable",
        "cannot be 0 when maxSurge is 0",
      ),
      body: "Required value: cannot be 0 when maxSurge is 0",
    },
    {
      name: "a Forbidden error shows its detail",
      error: fieldErrors.forbidden(
        "spec.template.spec.activeDeadlineSeconds",
        "activeDeadlineSeconds in DaemonSet is not Supported",
      ),
      body: "Forbidden: activeDeadlineSeconds in DaemonSet is not Supported",
    },
    {
      name: "a string with quotes and a newline is quoted as Go's %q",
      error: fieldErrors.invalid("metadata.name", 'a"b\n', "bad"),
      body: 'Invalid value: "a\\"b\\n": bad',
    },
    {
      name: "a nil value renders as the quoted string null, as v1.32's ErrorBody does",
      error: fieldErrors.invalid("spec.selector", null, "bad"),
      body: 'Invalid value: "null": bad',
    },
    {
      name: "a nil label map renders as a typed nil map",
      error: fieldErrors.invalid("metadata.labels", goStringMap(undefined), "bad"),
      body: "Invalid value: map[string]string(nil): bad",
    },
  ])("$name", ({ error, body }) => {
    const status = createInvalidError({ group: "apps", kind: "DaemonSet" }, "web", [error]);
    expect(status.status.details?.causes?.[0]?.message).toBe(body);
  });
});

describe("formatKubectlError", () => {
  it.each([
    {
      name: "a NotFound prints as Error from server with the reason",
      error: createNotFoundError(daemonSets, "nope"),
      context: undefined,
      want: 'Error from server (NotFound): daemonsets.apps "nope" not found\n',
    },
    {
      name: "an AlreadyExists while creating from a file names the file",
      error: createAlreadyExistsError(daemonSets, "nginx"),
      context: 'error when creating "ds.yaml"',
      want: 'Error from server (AlreadyExists): error when creating "ds.yaml": daemonsets.apps "nginx" already exists\n',
    },
    {
      name: "a Conflict prints the optimistic-lock message",
      error: createConflictError(nodes, "node-1"),
      context: undefined,
      want: 'Error from server (Conflict): Operation cannot be fulfilled on nodes "node-1": the object has been modified; please apply your changes to the latest version and try again\n',
    },
    {
      name: "an Invalid with one cause prints on one line without the file context",
      error: createInvalidError({ group: "apps", kind: "DaemonSet" }, "bad", [
        fieldErrors.invalid(
          "spec.template.metadata.labels",
          goStringMap({ app: "other" }),
          "`selector` does not match template `labels`",
        ),
      ]),
      context: 'error when creating "ds-invalid.yaml"',
      want: 'The DaemonSet "bad" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`\n',
    },
    {
      name: "an Invalid with several causes prints one starred line per cause",
      error: createInvalidError({ group: "apps", kind: "DaemonSet" }, "bad2", [
        fieldErrors.invalid(
          "spec.template.metadata.labels",
          goStringMap({ app: "other" }),
          "`selector` does not match template `labels`",
        ),
        fieldErrors.required("spec.template.spec.containers"),
        fieldErrors.required("spec.template.spec.containers"),
      ]),
      context: undefined,
      want: 'The DaemonSet "bad2" is invalid: \n* spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`\n* spec.template.spec.containers: Required value\n',
    },
    {
      name: "a plain error prints with the error prefix",
      error: new Error('the server doesn\'t have a resource type "foos"'),
      context: undefined,
      want: 'error: the server doesn\'t have a resource type "foos"\n',
    },
  ])("$name", ({ error, context, want }) => {
    expect(formatKubectlError(error, context === undefined ? {} : { context })).toBe(want);
  });
});
