// Deterministic identifiers in the formats Entra uses. Strings are written through one scratch
// buffer so that each id is a single flat string (a million users means a million ids).

import type { Prng } from "./prng.ts";

const HEX = Buffer.from("0123456789abcdef", "latin1");
const scratch = Buffer.alloc(36);
const bytes16 = Buffer.alloc(16);
const bytes32 = Buffer.alloc(32);

function writeHex(word: number, at: number, digits: number): void {
  for (let i = digits - 1; i >= 0; i--) {
    scratch[at + i] = HEX[word & 15]!;
    word >>>= 4;
  }
}

/** Formats 128 random bits as a version-4 UUID (version and variant bits forced). */
export function formatGuid(w0: number, w1: number, w2: number, w3: number): string {
  writeHex(w0 >>> 0, 0, 8);
  scratch[8] = 0x2d;
  writeHex(w1 >>> 16, 9, 4);
  scratch[13] = 0x2d;
  writeHex(((w1 & 0x0fff) | 0x4000) >>> 0, 14, 4);
  scratch[18] = 0x2d;
  writeHex(((w2 >>> 16) & 0x3fff) | 0x8000, 19, 4);
  scratch[23] = 0x2d;
  writeHex(w2 & 0xffff, 24, 4);
  writeHex(w3 >>> 0, 28, 8);
  return scratch.toString("latin1", 0, 36);
}

export function randomGuid(prng: Prng): string {
  return formatGuid(prng.uint32(), prng.uint32(), prng.uint32(), prng.uint32());
}

/**
 * The `index`-th of `count` GUIDs that sort in ascending order: the first 32 bits walk up the
 * range in equal strides with a random offset inside each stride, the rest is random. Ascending
 * ids let the directory append to its sorted id lists instead of inserting.
 */
export function ascendingGuid(prng: Prng, index: number, count: number): string {
  const stride = Math.max(1, Math.floor(0x100000000 / Math.max(1, count)));
  const base = Math.floor((index * 0x100000000) / Math.max(1, count));
  const head = Math.min(0xffffffff, base + prng.int(stride));
  return formatGuid(head, prng.uint32(), prng.uint32(), prng.uint32());
}

/** GUID bytes in Microsoft's (mixed-endian) order, as .NET's Guid.ToByteArray writes them. */
function writeGuidBytes(guid: string, target: Buffer, at: number): void {
  const hex = guid.replaceAll("-", "");
  const raw = Buffer.from(hex, "hex");
  if (raw.length !== 16) throw new Error(`not a GUID: ${guid}`);
  const order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
  for (let i = 0; i < 16; i++) target[at + i] = raw[order[i]!]!;
}

/**
 * Graph's id for a directory-wide role assignment: base64url of the role template's GUID bytes
 * followed by the principal's, then "-1" (e.g. "lAPpYvVpN0KRkAEhdxReE…-1" for Global Administrator).
 */
export function roleAssignmentId(roleTemplateId: string, principalId: string): string {
  writeGuidBytes(roleTemplateId, bytes32, 0);
  writeGuidBytes(principalId, bytes32, 16);
  return `${bytes32.toString("base64url")}-1`;
}

/** Base64 of 16 random bytes, as AD's objectGUID appears in onPremisesImmutableId. */
export function randomBase64Guid(prng: Prng): string {
  for (let i = 0; i < 16; i += 4) bytes16.writeUInt32LE(prng.uint32(), i);
  return bytes16.toString("base64");
}

/** Lowercase hex of `length` random characters (salts, short suffixes). */
export function randomHex(prng: Prng, length: number): string {
  let text = "";
  while (text.length < length) text += prng.uint32().toString(16).padStart(8, "0");
  return text.slice(0, length);
}
