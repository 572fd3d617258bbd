import type { CloudState } from "./directory/cloud-state.ts";
import type { SigningKeys } from "./identity/signing-keys.ts";

/** What every part of the running cloud shares. */
export interface CloudContext {
  readonly state: CloudState;
  readonly keys: SigningKeys;
  /** `https://localhost:PORT`, known once the server listens. */
  baseUrl: string;
  /** The cloud's clock; benchmarks speed it up. */
  now(): Date;
}

/** Microsoft Graph's application id, the resource of every Graph access token. */
export const graphAppId = "00000003-0000-0000-c000-000000000000";
export const graphResource = "https://graph.microsoft.com";
