// Writes docs/permissions.md from the action catalog: `npm run permissions-doc`.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderPermissionsMarkdown } from "../src/catalog/permissions-markdown.ts";

export const permissionsDocPath = fileURLToPath(new URL("../docs/permissions.md", import.meta.url));

writeFileSync(permissionsDocPath, renderPermissionsMarkdown());
console.log(`Wrote ${permissionsDocPath}`);
