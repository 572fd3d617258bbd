import { Agent, request } from "node:https";

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** Plain HTTPS to the local cloud over kept-alive connections, for bursts and for reading raw headers. */
export function rawGraph(baseUrl: string, caPem: string, token: string, maxSockets = 16) {
  const agent = new Agent({ keepAlive: true, maxSockets, ca: caPem });
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<RawResponse> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = request(
        `${baseUrl}${path}`,
        { method, agent, headers: { Authorization: `Bearer ${token}`, ...(payload ? { "Content-Type": "application/json" } : {}), ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        },
      );
      req.on("error", reject);
      req.end(payload);
    });
  return { send, close: () => agent.destroy() };
}

/** Sends `count` requests, `concurrency` at a time, and returns every response in order of sending. */
export async function burst(count: number, concurrency: number, send: (i: number) => Promise<RawResponse>): Promise<RawResponse[]> {
  const results: RawResponse[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await send(i);
      }
    }),
  );
  return results;
}
