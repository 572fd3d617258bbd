/** Where Microsoft's identity platform and Graph live for each national cloud, or for the local cloud. */
export type CloudConfig =
  | { readonly kind: "global" | "usgov" | "china" }
  | { readonly kind: "local"; readonly url: string; readonly caPem: string };

export interface CloudEndpoints {
  /** e.g. https://login.microsoftonline.com, without a trailing slash. */
  readonly login: string;
  /** e.g. https://graph.microsoft.com, without a trailing slash. */
  readonly graph: string;
  /** The scope of app-only Graph tokens. */
  readonly graphScope: string;
}

// "National cloud deployments" (Microsoft Graph docs): login and Graph hosts per cloud.
const national: Readonly<Record<"global" | "usgov" | "china", CloudEndpoints>> = {
  global: { login: "https://login.microsoftonline.com", graph: "https://graph.microsoft.com", graphScope: "https://graph.microsoft.com/.default" },
  usgov: { login: "https://login.microsoftonline.us", graph: "https://graph.microsoft.us", graphScope: "https://graph.microsoft.us/.default" },
  china: { login: "https://login.chinacloudapi.cn", graph: "https://microsoftgraph.chinacloudapi.cn", graphScope: "https://microsoftgraph.chinacloudapi.cn/.default" },
};

export function cloudEndpoints(cloud: CloudConfig): CloudEndpoints {
  if (cloud.kind !== "local") return national[cloud.kind];
  const base = cloud.url.replace(/\/$/, "");
  return { login: base, graph: base, graphScope: "https://graph.microsoft.com/.default" };
}
