import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Agent as HttpAgent } from "node:http";
import { createServer, Agent as HttpsAgent, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TLSSocket } from "node:tls";
import { KubesimError } from "@kubesim/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpApiClient } from "../create-http-api-client.js";
import { loadKubeconfig } from "../kubeconfig/load-kubeconfig.js";
import { createSelfSignedCertificate } from "../self-signed-certificate.js";
import { rejection } from "../test-fixtures.js";
import { HttpTransport } from "./http-transport.js";

describe("HttpTransport options", () => {
  it.each([
    {
      name: "an https server gets an https keep-alive agent with the TLS material",
      options: { server: "https://10.0.0.1:6443", ca: "CA", cert: "CERT", key: "KEY" },
      expected: {
        https: true,
        ca: "CA",
        cert: "CERT",
        key: "KEY",
        rejectUnauthorized: true,
        keepAlive: true,
      },
    },
    {
      name: "insecure-skip-tls-verify turns certificate checks off",
      options: { server: "https://10.0.0.1:6443", insecureSkipTlsVerify: true },
      expected: {
        https: true,
        ca: undefined,
        cert: undefined,
        key: undefined,
        rejectUnauthorized: false,
        keepAlive: true,
      },
    },
    {
      name: "a server without a scheme is https when TLS material is given",
      options: { server: "10.0.0.1:6443", ca: "CA" },
      expected: {
        https: true,
        ca: "CA",
        cert: undefined,
        key: undefined,
        rejectUnauthorized: true,
        keepAlive: true,
      },
    },
    {
      name: "a server without a scheme is http otherwise",
      options: { server: "127.0.0.1:8080" },
      expected: {
        https: false,
        ca: undefined,
        cert: undefined,
        key: undefined,
        rejectUnauthorized: undefined,
        keepAlive: true,
      },
    },
  ])("$name", ({ options, expected }) => {
    const transport = new HttpTransport({ ...options, userAgent: "test" });
    const agentOptions = (transport.agent as HttpAgent & { options: Record<string, unknown> }).options;
    expect({
      https: transport.agent instanceof HttpsAgent,
      ca: agentOptions.ca,
      cert: agentOptions.cert,
      key: agentOptions.key,
      rejectUnauthorized: agentOptions.rejectUnauthorized,
      keepAlive: agentOptions.keepAlive,
    }).toEqual(expected);
    expect(transport.agent instanceof HttpAgent).toBe(true);
    transport.close();
  });

  it.each([
    {
      name: "a URL that does not parse",
      server: "http://[oops",
      message: 'server "http://[oops" is not a valid URL',
    },
    {
      name: "another scheme",
      server: "ftp://x",
      message: 'server "ftp://x" must be an http:// or https:// URL',
    },
    {
      name: "a query",
      server: "http://x/?a=1",
      message: 'server "http://x/?a=1" must not have a query or fragment',
    },
  ])("refuses $name", ({ server, message }) => {
    const create = (): unknown => new HttpTransport({ server, userAgent: "test" });
    expect(create).toThrow(KubesimError);
    expect(create).toThrow(message);
  });
});

describe("TLS against a node:https server with a certificate made at test time", () => {
  const serverIdentity = createSelfSignedCertificate("kubesim-server");
  const clientIdentity = createSelfSignedCertificate("kubesim-client");
  const body = JSON.stringify({ apiVersion: "v1", kind: "Node", metadata: { name: "n1" } });
  let server: Server;
  let url: string;
  const clientNames: string[] = [];

  beforeAll(async () => {
    server = createServer(
      {
        cert: serverIdentity.cert,
        key: serverIdentity.key,
        ca: clientIdentity.cert,
        requestCert: true,
        rejectUnauthorized: false,
      },
      (request, response) => {
        const socket = request.socket as TLSSocket;
        const peer = socket.getPeerCertificate();
        clientNames.push(socket.authorized ? String(peer.subject?.CN) : "anonymous");
        response.writeHead(200, { "Content-Type": "application/json" });
        response.end(body);
      },
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("trusts the server through the given CA and presents the client certificate", async () => {
    const client = createHttpApiClient({
      server: url,
      ca: serverIdentity.cert,
      cert: clientIdentity.cert,
      key: clientIdentity.key,
    });
    expect((await client.get("Node", "n1")).metadata?.name).toBe("n1");
    expect(clientNames.at(-1)).toBe("kubesim-client");
    client.close();
  });

  it("connects without a client certificate when insecure-skip-tls-verify is set", async () => {
    const client = createHttpApiClient({ server: url, insecureSkipTlsVerify: true });
    expect((await client.get("Node", "n1")).metadata?.name).toBe("n1");
    expect(clientNames.at(-1)).toBe("anonymous");
    client.close();
  });

  it("rejects the self-signed server certificate without the CA, as a 503", async () => {
    const client = createHttpApiClient({ server: url });
    const error = await rejection(client.get("Node", "n1"));
    expect([error.code, error.reason, error.message]).toEqual([
      503,
      "ServiceUnavailable",
      `Get "${url}/api/v1/nodes/n1": self-signed certificate`,
    ]);
    client.close();
  });

  it("connects with what a kubeconfig holds (CA data, client certificate and key files)", async () => {
    const directory = mkdtempSync(join(tmpdir(), "kubesim-tls-"));
    try {
      writeFileSync(join(directory, "client.crt"), clientIdentity.cert);
      writeFileSync(join(directory, "client.key"), clientIdentity.key);
      const path = join(directory, "config");
      writeFileSync(
        path,
        [
          "current-context: tls",
          "clusters:",
          `- {name: c, cluster: {server: "${url}", certificate-authority-data: ${Buffer.from(serverIdentity.cert).toString("base64")}}}`,
          "contexts:",
          "- {name: tls, context: {cluster: c, user: u}}",
          "users:",
          "- {name: u, user: {client-certificate: client.crt, client-key: client.key}}",
        ].join("\n"),
      );
      const client = createHttpApiClient(loadKubeconfig({ path }));
      expect((await client.get("Node", "n1")).metadata?.name).toBe("n1");
      expect(clientNames.at(-1)).toBe("kubesim-client");
      client.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
