import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, it } from "node:test";
import { createSecretBox } from "./secret-box.ts";

const key = randomBytes(32);
const box = createSecretBox(key);
const secret = "client-secret-Q~8xv.Very_Secret_Value";

function flipped(sealed: Buffer, index: number): Buffer {
  const copy = Buffer.from(sealed);
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
}

describe("secret box", () => {
  it("opens what it sealed: text, binary and empty values", () => {
    assert.equal(box.open(box.seal(secret)).toString("utf8"), secret);
    const binary = Buffer.concat([randomBytes(2048), Buffer.alloc(3)]);
    assert.deepEqual(box.open(box.seal(binary)), binary);
    assert.equal(box.open(box.seal("")).length, 0);
    assert.equal(box.open(box.seal("Grüße, 東京")).toString("utf8"), "Grüße, 東京");
  });

  it("seals with a version byte, a fresh IV every time, and no plain text", () => {
    const first = box.seal(secret);
    const second = box.seal(secret);
    assert.equal(first[0], 1);
    assert.equal(first.length, Buffer.byteLength(secret) + 33);
    assert.notDeepEqual(first, second);
    assert.equal(first.includes(Buffer.from(secret)), false);
  });

  it("detects any altered byte: version, key id, IV, tag or ciphertext", () => {
    const sealed = box.seal(secret);
    assert.throws(() => box.open(flipped(sealed, 0)), /format version 0, this Tenantry reads version 1/);
    assert.throws(() => box.open(flipped(sealed, 2)), /sealed with a different secret key/);
    for (const index of [5, 16, 17, 32, 33, sealed.length - 1]) {
      assert.throws(() => box.open(flipped(sealed, index)), /altered or damaged \(authentication failed\)/);
    }
    assert.throws(() => box.open(sealed.subarray(0, 20)), /has 20 bytes, fewer than the 33/);
  });

  it("refuses to open with another key and says so", () => {
    const other = createSecretBox(randomBytes(32));
    assert.throws(() => other.open(box.seal(secret)), /sealed with a different secret key.*TENANTRY_SECRET_KEY/);
  });

  it("needs a 32-byte key", () => {
    assert.throws(() => createSecretBox(randomBytes(16)), /32-byte key for AES-256-GCM; this key has 16 bytes/);
  });

  it("never puts the secret or the key in an error message", () => {
    const sealed = box.seal(secret);
    const messages: string[] = [];
    for (const attempt of [() => box.open(flipped(sealed, 40)), () => createSecretBox(randomBytes(32)).open(sealed), () => box.open(sealed.subarray(0, 10))]) {
      assert.throws(attempt, (error: Error) => {
        messages.push(error.message);
        return true;
      });
    }
    for (const message of messages) {
      assert.equal(message.includes(secret), false);
      assert.equal(message.includes(key.toString("base64")), false);
      assert.equal(message.includes(key.toString("hex")), false);
    }
  });
});
