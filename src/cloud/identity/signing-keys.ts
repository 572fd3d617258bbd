import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { calculateJwkThumbprint, exportJWK, importPKCS8, type JWK } from "jose";

export interface SigningKeys {
  readonly kid: string;
  readonly privateKey: KeyObject | CryptoKey;
  readonly publicJwk: JWK;
}

async function fromPem(pem: string): Promise<SigningKeys> {
  const privateKey = await importPKCS8(pem, "RS256", { extractable: true });
  const full = await exportJWK(privateKey);
  const publicJwk: JWK = { kty: full.kty, n: full.n, e: full.e };
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, privateKey, publicJwk: { ...publicJwk, kid, use: "sig", alg: "RS256" } };
}

/** The RS256 key that signs every token the cloud issues; kept in the data directory when there is one. */
export async function loadOrCreateSigningKeys(dir: string | undefined): Promise<SigningKeys> {
  const path = dir ? join(dir, "token-signing-key.pem") : undefined;
  if (path) {
    const existing = await readFile(path, "utf8").catch(() => undefined);
    if (existing) return fromPem(existing);
  }
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  if (path) await writeFile(path, pem, { mode: 0o600 });
  return fromPem(pem);
}
