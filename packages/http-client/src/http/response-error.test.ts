import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpApiClient } from "../create-http-api-client.js";
import { type FakeServer, rejection, startFakeServer } from "../test-fixtures.js";
import { genericServerResponse, statusErrorFromResponse } from "./response-error.js";

const getDaemonSet = {
  method: "GET",
  groupResource: { group: "apps", resource: "daemonsets" },
  name: "nope",
};
const postDaemonSet = { method: "POST", groupResource: { group: "apps", resource: "daemonsets" } };

/** The Status body of a failure: `fields` with the apiVersion, kind, metadata and status every one carries. */
function failureStatus<Fields extends { message: string }>(fields: Fields) {
  return { apiVersion: "v1", kind: "Status", metadata: {}, status: "Failure", ...fields };
}

describe("statusErrorFromResponse", () => {
  it.each([
    {
      name: "a Status body is taken as sent",
      response: {
        code: 404,
        contentType: "application/json",
        json: {
          kind: "Status",
          apiVersion: "v1",
          metadata: {},
          status: "Failure",
          message: 'daemonsets.apps "nope" not found',
          reason: "NotFound",
          details: { name: "nope", group: "apps", kind: "daemonsets" },
          code: 404,
        },
      },
      request: getDaemonSet,
      expected: failureStatus({
        message: 'daemonsets.apps "nope" not found',
        reason: "NotFound",
        code: 404,
        details: { name: "nope", group: "apps", kind: "daemonsets" },
      }),
    },
    {
      name: "a Status without code or details takes the HTTP code",
      response: {
        code: 409,
        contentType: "application/json",
        json: { kind: "Status", status: "Failure", message: "boom", reason: "Conflict" },
      },
      request: getDaemonSet,
      expected: failureStatus({
        message: "boom",
        reason: "Conflict",
        code: 409,
      }),
    },
    {
      name: "Invalid causes keep their reason, message and field, and nothing else",
      response: {
        code: 422,
        contentType: "application/json",
        json: {
          kind: "Status",
          apiVersion: "v1",
          status: "Failure",
          message: 'DaemonSet.apps "bad" is invalid: spec.template.spec.containers: Required value',
          reason: "Invalid",
          code: 422,
          details: {
            name: "bad",
            group: "apps",
            kind: "DaemonSet",
            causes: [
              {
                reason: "FieldValueRequired",
                message: "Required value",
                field: "spec.template.spec.containers",
                extra: 1,
              },
              7,
            ],
            __proto__: { polluted: true },
          },
        },
      },
      request: postDaemonSet,
      expected: failureStatus({
        message: 'DaemonSet.apps "bad" is invalid: spec.template.spec.containers: Required value',
        reason: "Invalid",
        code: 422,
        details: {
          name: "bad",
          group: "apps",
          kind: "DaemonSet",
          causes: [
            {
              reason: "FieldValueRequired",
              message: "Required value",
              field: "spec.template.spec.containers",
            },
          ],
        },
      }),
    },
    {
      name: "a plain-text 404 is NotFound with client-go's message and the verb, resource and name",
      response: { code: 404, contentType: "text/plain; charset=utf-8", text: "404 page not found\n" },
      request: getDaemonSet,
      expected: failureStatus({
        message: "the server could not find the requested resource (get daemonsets.apps nope)",
        reason: "NotFound",
        code: 404,
        details: {
          causes: [{ reason: "UnexpectedServerResponse", message: "404 page not found" }],
          group: "apps",
          kind: "daemonsets",
          name: "nope",
        },
      }),
    },
    {
      name: "a plain-text 409 on POST is AlreadyExists",
      response: { code: 409, contentType: undefined, text: "conflict" },
      request: postDaemonSet,
      expected: failureStatus({
        message: "the server reported a conflict (post daemonsets.apps)",
        reason: "AlreadyExists",
        code: 409,
        details: {
          causes: [{ reason: "UnexpectedServerResponse", message: "conflict" }],
          group: "apps",
          kind: "daemonsets",
        },
      }),
    },
    {
      name: "a JSON body that is not a Status counts as unknown, and Retry-After is kept",
      response: {
        code: 503,
        contentType: "application/json",
        json: { error: "overloaded" },
        retryAfter: "3",
      },
      request: { method: "GET" },
      expected: failureStatus({
        message: "the server is currently unable to handle the request",
        reason: "ServiceUnavailable",
        code: 503,
        details: {
          causes: [{ reason: "UnexpectedServerResponse", message: "unknown" }],
          retryAfterSeconds: 3,
        },
      }),
    },
    {
      name: "an unlisted 5xx quotes the server's text",
      response: { code: 502, contentType: "text/html", text: "<h1>Bad Gateway</h1>" },
      request: { method: "GET" },
      expected: failureStatus({
        message: 'an error on the server ("<h1>Bad Gateway</h1>") has prevented the request from succeeding',
        reason: "InternalError",
        code: 502,
        details: { causes: [{ reason: "UnexpectedServerResponse", message: "<h1>Bad Gateway</h1>" }] },
      }),
    },
    {
      name: "a Success Status on an error code is not taken as the error",
      response: { code: 418, contentType: "application/json", json: { kind: "Status", status: "Success" } },
      request: { method: "GET" },
      expected: failureStatus({
        message: "the server responded with the status code 418 but did not return more information",
        reason: "",
        code: 418,
        details: { causes: [{ reason: "UnexpectedServerResponse", message: "unknown" }] },
      }),
    },
  ])("$name", ({ response, request, expected }) => {
    const error = statusErrorFromResponse(
      {
        code: response.code,
        contentType: response.contentType,
        retryAfter: "retryAfter" in response ? response.retryAfter : undefined,
        text:
          "text" in response && response.text !== undefined ? response.text : JSON.stringify(response.json),
        json: "json" in response ? response.json : undefined,
      },
      request,
    );
    expect(error.status).toEqual(expected);
    expect(error.message).toBe(expected.message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("genericServerResponse", () => {
  it.each([
    {
      name: "a 400 is BadRequest",
      code: 400,
      method: "GET",
      serverMessage: "x",
      reason: "BadRequest",
      message: "the server rejected our request for an unknown reason",
    },
    {
      name: "a 401 is Unauthorized",
      code: 401,
      method: "GET",
      serverMessage: "x",
      reason: "Unauthorized",
      message: "the server has asked for the client to provide credentials",
    },
    {
      name: "a 403 is Forbidden with the server's text",
      code: 403,
      method: "GET",
      serverMessage: "no access",
      reason: "Forbidden",
      message: "no access",
    },
    {
      name: "a 404 is NotFound",
      code: 404,
      method: "GET",
      serverMessage: "x",
      reason: "NotFound",
      message: "the server could not find the requested resource",
    },
    {
      name: "a 405 is MethodNotAllowed",
      code: 405,
      method: "GET",
      serverMessage: "x",
      reason: "MethodNotAllowed",
      message: "the server does not allow this method on the requested resource",
    },
    {
      name: "a 406 with the server's text is NotAcceptable with that text",
      code: 406,
      method: "GET",
      serverMessage: "only json",
      reason: "NotAcceptable",
      message: "only json",
    },
    {
      name: "a 406 saying unknown is NotAcceptable with client-go's message",
      code: 406,
      method: "GET",
      serverMessage: "unknown",
      reason: "NotAcceptable",
      message: "the server was unable to respond with a content type that the client supports",
    },
    {
      name: "a 406 without text is NotAcceptable with client-go's message",
      code: 406,
      method: "GET",
      serverMessage: "",
      reason: "NotAcceptable",
      message: "the server was unable to respond with a content type that the client supports",
    },
    {
      name: "a 409 on PUT is Conflict",
      code: 409,
      method: "PUT",
      serverMessage: "x",
      reason: "Conflict",
      message: "the server reported a conflict",
    },
    {
      name: "a 409 on POST is AlreadyExists",
      code: 409,
      method: "POST",
      serverMessage: "x",
      reason: "AlreadyExists",
      message: "the server reported a conflict",
    },
    {
      name: "a 415 is UnsupportedMediaType with the server's text",
      code: 415,
      method: "GET",
      serverMessage: "bad type",
      reason: "UnsupportedMediaType",
      message: "bad type",
    },
    {
      name: "a 422 is Invalid",
      code: 422,
      method: "GET",
      serverMessage: "x",
      reason: "Invalid",
      message: "the server rejected our request due to an error in our request",
    },
    {
      name: "a 429 is TooManyRequests",
      code: 429,
      method: "GET",
      serverMessage: "x",
      reason: "TooManyRequests",
      message: "the server has received too many requests and has asked us to try again later",
    },
    {
      name: "a 500 is InternalError quoting the server's text",
      code: 500,
      method: "GET",
      serverMessage: "boom",
      reason: "InternalError",
      message: 'an error on the server ("boom") has prevented the request from succeeding',
    },
    {
      name: "a 503 is ServiceUnavailable",
      code: 503,
      method: "GET",
      serverMessage: "x",
      reason: "ServiceUnavailable",
      message: "the server is currently unable to handle the request",
    },
    {
      name: "a 504 is Timeout",
      code: 504,
      method: "GET",
      serverMessage: "x",
      reason: "Timeout",
      message:
        "the server was unable to return a response in the time allotted, but may still be processing the request",
    },
    {
      name: "an unlisted 4xx has no reason and says only its code",
      code: 418,
      method: "GET",
      serverMessage: "x",
      reason: "",
      message: "the server responded with the status code 418 but did not return more information",
    },
  ])("$name", ({ code, method, serverMessage, reason, message }) => {
    const error = genericServerResponse(code, { method }, serverMessage);
    expect([error.code, error.reason, error.message]).toEqual([code, reason, message]);
  });
});

describe("errors without a usable answer", () => {
  let fake: FakeServer | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it("turns a refused connection into a 503 ServiceUnavailable carrying the network error", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, "127.0.0.1", () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0));
      });
    });
    const client = createHttpApiClient({ server: `http://127.0.0.1:${port}` });
    const error = await rejection(client.get("Pod", "web"));
    expect([error.code, error.reason, error.message]).toEqual([
      503,
      "ServiceUnavailable",
      `Get "http://127.0.0.1:${port}/api/v1/namespaces/default/pods/web": connect ECONNREFUSED 127.0.0.1:${port}`,
    ]);
    expect((error.cause as NodeJS.ErrnoException).code).toBe("ECONNREFUSED");
  });

  it("turns a connection the server drops into a 503", async () => {
    fake = await startFakeServer((_request, response) => response.socket?.destroy());
    const error = await rejection(createHttpApiClient({ server: fake.url }).list("Node"));
    expect([error.code, error.message]).toEqual([503, `Get "${fake.url}/api/v1/nodes": socket hang up`]);
  });

  it("gives up after timeoutMs with a 504 Timeout", async () => {
    fake = await startFakeServer(() => {});
    const error = await rejection(createHttpApiClient({ server: fake.url, timeoutMs: 50 }).get("Node", "n1"));
    expect([error.code, error.reason, error.message]).toEqual([
      504,
      "Timeout",
      `Get "${fake.url}/api/v1/nodes/n1": the request did not complete within 50ms`,
    ]);
  });

  it.each([
    { name: "a 2xx answer that is not JSON", body: "<html>", message: "the answer is not a JSON object" },
    { name: "an empty 2xx answer", body: "", message: "the answer has no body" },
  ])("turns $name into a 500 InternalError", async ({ body, message }) => {
    fake = await startFakeServer((_request, response) => response.end(body));
    const error = await rejection(createHttpApiClient({ server: fake.url }).get("Node", "n1"));
    expect([error.code, error.reason, error.message]).toEqual([
      500,
      "InternalError",
      `Get "${fake.url}/api/v1/nodes/n1": ${message}`,
    ]);
  });

  it("treats a failure Status in a 2xx answer as the failure", async () => {
    fake = await startFakeServer((_request, response) =>
      response.end(
        JSON.stringify({ kind: "Status", status: "Failure", message: "no", reason: "Forbidden", code: 403 }),
      ),
    );
    const error = await rejection(createHttpApiClient({ server: fake.url }).get("Node", "n1"));
    expect([error.code, error.reason, error.message]).toEqual([403, "Forbidden", "no"]);
  });
});
