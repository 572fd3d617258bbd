// Measures generating a 1,000,000-user tenant into a CloudState: elapsed time and resident memory.
// Run: node --expose-gc src/cloud/seed/measure-generation.ts [userCount]

import { CloudState } from "../directory/cloud-state.ts";
import { generateTenant, recipeFor } from "./tenant-generator.ts";

const userCount = Number(process.argv[2] ?? 1_000_000);
const collect = (globalThis as { gc?: () => void }).gc;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

collect?.();
const rssBefore = process.memoryUsage().rss;
const recipe = recipeFor({ displayName: "Measure Corp", domain: "measure.onmicrosoft.com", size: "L", userCount });
const state = new CloudState(generateTenant);
const started = performance.now();
state.apply({ op: "tenant.generate", recipe });
const seconds = (performance.now() - started) / 1000;
collect?.();
const memory = process.memoryUsage();
const directory = state.tenant(recipe.tenantId);

console.log(`users: ${directory?.userIds.size}, groups: ${directory?.groupIds.size}, role assignments: ${directory?.roleAssignments.size}`);
console.log(`elapsed: ${seconds.toFixed(1)} s`);
console.log(`rss: ${megabytes(memory.rss)} (before: ${megabytes(rssBefore)}), heap used: ${megabytes(memory.heapUsed)}${collect ? "" : " (run with --expose-gc for settled figures)"}`);
