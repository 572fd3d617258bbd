/** A secret piped to the CLI (`--password-stdin`), so that it stays out of the shell history and the process list. */
export async function readSecretFromStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new Error("--password-stdin reads the password from a pipe, e.g. `printf '%s' \"$PASSWORD\" | tenantry ...`.");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > 1024) throw new Error("The password on standard input is longer than any password Entra accepts (256 characters).");
    chunks.push(chunk as Buffer);
  }
  const secret = Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
  if (!secret) throw new Error("No password on standard input.");
  return secret;
}
