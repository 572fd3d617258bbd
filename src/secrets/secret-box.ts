import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Seals secrets (client secrets, private keys) for storage with AES-256-GCM.
 *
 * Sealed layout, version 1:
 *   [1 byte version = 1][4 bytes key id][12 bytes IV][16 bytes auth tag][ciphertext]
 * The version and key id are authenticated as associated data. The key id (the first 4 bytes of a
 * SHA-256 over the key) only serves to tell "sealed with another key" apart from "altered".
 */
export type SecretBox = {
  seal(plain: string | Buffer): Buffer;
  open(sealed: Buffer): Buffer;
};

const FORMAT_VERSION = 1;
const KEY_BYTES = 32;
const KEY_ID_BYTES = 4;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + KEY_ID_BYTES;
const OVERHEAD_BYTES = HEADER_BYTES + IV_BYTES + TAG_BYTES;

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== KEY_BYTES) {
    throw new Error(`A secret box needs a ${KEY_BYTES}-byte key for AES-256-GCM; this key has ${key.length} bytes.`);
  }
  const secretKey = Buffer.from(key);
  const keyId = createHash("sha256").update("tenantry secret key id\0").update(secretKey).digest().subarray(0, KEY_ID_BYTES);

  return {
    seal(plain) {
      const header = Buffer.concat([Buffer.of(FORMAT_VERSION), keyId]);
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", secretKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(header);
      const ciphertext = Buffer.concat([cipher.update(typeof plain === "string" ? Buffer.from(plain, "utf8") : plain), cipher.final()]);
      return Buffer.concat([header, iv, cipher.getAuthTag(), ciphertext]);
    },

    open(sealed) {
      if (sealed.length < OVERHEAD_BYTES) {
        throw new Error(`Cannot open sealed secret: it has ${sealed.length} bytes, fewer than the ${OVERHEAD_BYTES} every sealed secret has.`);
      }
      const version = sealed[0];
      if (version !== FORMAT_VERSION) {
        throw new Error(`Cannot open sealed secret: it has format version ${version}, this Tenantry reads version ${FORMAT_VERSION}.`);
      }
      const header = sealed.subarray(0, HEADER_BYTES);
      if (!header.subarray(1).equals(keyId)) {
        throw new Error(
          "Cannot open sealed secret: it was sealed with a different secret key. " +
            "Use the key it was sealed with (TENANTRY_SECRET_KEY or secret.key in the data directory), or enter the secret again.",
        );
      }
      const iv = sealed.subarray(HEADER_BYTES, HEADER_BYTES + IV_BYTES);
      const tag = sealed.subarray(HEADER_BYTES + IV_BYTES, OVERHEAD_BYTES);
      const decipher = createDecipheriv("aes-256-gcm", secretKey, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(header);
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(sealed.subarray(OVERHEAD_BYTES)), decipher.final()]);
      } catch {
        throw new Error("Cannot open sealed secret: it was altered or damaged (authentication failed). Enter the secret again.");
      }
    },
  };
}
