import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { ensureDataDirectory } from "../store/data-directory.ts";
import { createPrivateFile, readPrivateFile } from "./private-file.ts";

export const SECRET_KEY_VARIABLE = "TENANTRY_SECRET_KEY";
export const SECRET_KEY_FILE_NAME = "secret.key";

const KEY_BYTES = 32;
const EXPECTED_FORMAT =
  `${KEY_BYTES} random bytes written as base64 (44 characters, from \`openssl rand -base64 32\`) ` +
  `or hex (64 characters, from \`openssl rand -hex 32\`)`;

/**
 * The key that seals secrets at rest: from TENANTRY_SECRET_KEY when set, otherwise from
 * `<dataDir>/secret.key`, generated (mode 0600) on first use. A key file that other users may read
 * is refused. Error messages never contain the key.
 */
export async function loadSecretKey({ dataDir, env = process.env }: { dataDir: string; env?: NodeJS.ProcessEnv }): Promise<Buffer> {
  const fromEnvironment = env[SECRET_KEY_VARIABLE];
  if (fromEnvironment !== undefined) {
    const key = decodeSecretKey(fromEnvironment);
    if (!key) {
      const length = fromEnvironment.trim().length;
      throw new Error(
        `${SECRET_KEY_VARIABLE} must be ${EXPECTED_FORMAT}; ` +
          (length === 0 ? "it is set but empty (unset it to use the key file in the data directory)." : `the value given has ${length} characters and is neither.`),
      );
    }
    return key;
  }

  const path = join(await ensureDataDirectory(dataDir), SECRET_KEY_FILE_NAME);
  await createPrivateFile(path, `${randomBytes(KEY_BYTES).toString("base64")}\n`);
  const key = decodeSecretKey(await readPrivateFile(path, "The secret key file"));
  if (!key) {
    throw new Error(
      `The secret key file ${path} does not hold ${EXPECTED_FORMAT}. ` +
        `Restore the original file, or set ${SECRET_KEY_VARIABLE}; secrets sealed with a lost key must be entered again.`,
    );
  }
  return key;
}

function decodeSecretKey(text: string): Buffer | undefined {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/]{43}=?$/.test(value) || /^[A-Za-z0-9_-]{43}$/.test(value)) {
    const key = Buffer.from(value, "base64");
    return key.length === KEY_BYTES ? key : undefined;
  }
  return undefined;
}
