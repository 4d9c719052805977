/**
 * Test helper (not exported from the package): a self-signed X.509 certificate made with
 * node:crypto alone. node:crypto signs but cannot build certificates, so the DER of the
 * certificate is written here (ASN.1, just the shapes a TLS peer needs): ECDSA P-256,
 * SHA-256, subjectAltName IP 127.0.0.1 and DNS localhost, basicConstraints CA.
 */
import { generateKeyPairSync, randomBytes, sign } from "node:crypto";

function length(size: number): Buffer {
  if (size < 0x80) return Buffer.from([size]);
  const bytes: number[] = [];
  for (let rest = size; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tagged(tag: number, ...contents: Buffer[]): Buffer {
  const body = Buffer.concat(contents);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
}

const sequence = (...contents: Buffer[]): Buffer => tagged(0x30, ...contents);

function objectIdentifier(text: string): Buffer {
  const [first = 0, second = 0, ...rest] = text.split(".").map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let value = arc >> 7; value > 0; value >>= 7) chunk.unshift((value & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tagged(0x06, Buffer.from(bytes));
}

function utcTime(date: Date): Buffer {
  const text = date.toISOString().replace(/[-:T]/g, "").slice(2, 14);
  return tagged(0x17, Buffer.from(`${text}Z`, "ascii"));
}

const ecdsaWithSha256 = sequence(objectIdentifier("1.2.840.10045.4.3.2"));

function distinguishedName(commonName: string): Buffer {
  return sequence(
    tagged(0x31, sequence(objectIdentifier("2.5.4.3"), tagged(0x0c, Buffer.from(commonName, "utf8")))),
  );
}

/** A certificate and its key, both PEM. */
export interface SelfSignedCertificate {
  readonly cert: string;
  readonly key: string;
}

/** Creates a self-signed certificate for 127.0.0.1 / localhost, valid from an hour ago for a day. */
export function createSelfSignedCertificate(commonName = "kubesim-test"): SelfSignedCertificate {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const serial = randomBytes(8);
  serial[0] = (serial[0] ?? 0) & 0x7f; // a positive INTEGER
  const now = Date.now();
  const subjectAltName = sequence(
    tagged(0x87, Buffer.from([127, 0, 0, 1])),
    tagged(0x82, Buffer.from("localhost", "ascii")),
  );
  const extensions = tagged(
    0xa3,
    sequence(
      sequence(objectIdentifier("2.5.29.17"), tagged(0x04, subjectAltName)),
      sequence(objectIdentifier("2.5.29.19"), tagged(0x04, sequence(tagged(0x01, Buffer.from([0xff]))))),
    ),
  );
  const tbs = sequence(
    tagged(0xa0, tagged(0x02, Buffer.from([2]))),
    tagged(0x02, serial),
    ecdsaWithSha256,
    distinguishedName(commonName),
    sequence(utcTime(new Date(now - 3_600_000)), utcTime(new Date(now + 86_400_000))),
    distinguishedName(commonName),
    publicKey.export({ type: "spki", format: "der" }),
    extensions,
  );
  const signature = sign("sha256", tbs, privateKey);
  const der = sequence(tbs, ecdsaWithSha256, tagged(0x03, Buffer.from([0]), signature));
  const base64 = der.toString("base64").replace(/.{1,64}/g, "$&\n");
  return {
    cert: `-----BEGIN CERTIFICATE-----\n${base64}-----END CERTIFICATE-----\n`,
    key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}
