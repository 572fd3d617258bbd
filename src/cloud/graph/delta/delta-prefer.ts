import type { CloudRequest } from "../../http/cloud-request.ts";
import { header } from "../../http/cloud-request.ts";

/** Graph pages directory objects of a delta query 200 at a time, and never more. */
export const DELTA_MAX_PAGE_SIZE = 200;

export interface DeltaPreferences {
  /** `Prefer: return=minimal`: changed properties only, on rounds that follow a delta link. */
  readonly minimal: boolean;
  readonly pageSize: number;
}

/** Reads the `Prefer` header, which may carry several comma-separated preferences. */
export function deltaPreferences(request: Pick<CloudRequest, "headers">): DeltaPreferences {
  let minimal = false;
  let pageSize = DELTA_MAX_PAGE_SIZE;
  for (const raw of (header(request, "prefer") ?? "").split(",")) {
    const [name = "", value = ""] = raw.split("=").map((part) => part.trim().toLowerCase().replace(/^"|"$/g, ""));
    if (name === "return" && value === "minimal") minimal = true;
    if (name === "odata.maxpagesize" && /^\d+$/.test(value) && Number(value) > 0) pageSize = Math.min(Number(value), DELTA_MAX_PAGE_SIZE);
  }
  return { minimal, pageSize };
}
