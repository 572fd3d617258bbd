import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

// Builds the web console into web/dist. With --if-changed (before `npm start` and `npm test`), only when its
// sources or the installed packages changed since the last build.
const root = fileURLToPath(new URL("../", import.meta.url));
const web = join(root, "web");
const stamp = join(web, "dist", ".sources-sha256");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function sourcesDigest(): string {
  const hash = createHash("sha256");
  const inputs = [...files(join(web, "src")), join(web, "index.html"), join(web, "vite.config.ts"), join(root, "package-lock.json")].sort();
  for (const path of inputs) hash.update(relative(root, path)).update("\0").update(readFileSync(path)).update("\0");
  return hash.digest("hex");
}

const digest = sourcesDigest();
if (process.argv.includes("--if-changed") && existsSync(stamp) && readFileSync(stamp, "utf8") === digest) process.exit(0);
const started = performance.now();
await build({ configFile: join(web, "vite.config.ts"), logLevel: "warn" });
writeFileSync(stamp, digest);
console.log(`web console built into web/dist in ${((performance.now() - started) / 1000).toFixed(1)} s`);
