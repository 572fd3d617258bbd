import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

// `npm run bench -- <name>` runs bench/<name>.ts with the project's Node.
const name = process.argv[2];
const dir = fileURLToPath(new URL("../bench/", import.meta.url));
const available = readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3));
if (!name || !existsSync(`${dir}${name}.ts`)) {
  process.stderr.write(`usage: npm run bench -- <name>   (one of: ${available.join(", ")})\n`);
  process.exit(2);
}
const child = spawn(process.execPath, ["--expose-gc", `${dir}${name}.ts`, ...process.argv.slice(3)], { stdio: "inherit" });
child.on("exit", (code) => process.exit(code ?? 1));
