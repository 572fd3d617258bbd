import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import type { CloudRequest, CloudResponse } from "./cloud-request.ts";
import { splitPath } from "./cloud-request.ts";

export type CloudHandler = (request: CloudRequest) => Promise<CloudResponse> | CloudResponse;

const maxBodyBytes = 4 * 1024 * 1024;

function readBody(message: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    message.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    message.on("end", () => resolve(size > maxBodyBytes ? undefined : Buffer.concat(chunks).toString("utf8")));
    message.on("error", reject);
  });
}

function send(res: ServerResponse, response: CloudResponse): void {
  if (response.dropConnection) {
    res.socket?.destroy();
    return;
  }
  const isText = typeof response.body === "string";
  const payload = response.body === undefined ? "" : isText ? (response.body as string) : JSON.stringify(response.body);
  const headers: Record<string, string | number> = { ...response.headers };
  if (payload.length > 0 && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) {
    headers["Content-Type"] = isText ? "text/html; charset=utf-8" : "application/json; charset=utf-8";
  }
  headers["Content-Length"] = Buffer.byteLength(payload);
  res.writeHead(response.status, headers);
  res.end(payload);
}

async function serve(handler: CloudHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const rawBody = await readBody(req);
  if (rawBody === undefined) {
    send(res, { status: 413, body: { error: { code: "RequestEntityTooLarge", message: "The request body is larger than 4 MB." } } });
    return;
  }
  const url = new URL(req.url ?? "/", `https://${req.headers.host ?? "localhost"}`);
  const request: CloudRequest = {
    method: (req.method ?? "GET").toUpperCase(),
    url,
    segments: splitPath(url.pathname),
    headers: req.headers,
    rawBody,
    remoteAddress: req.socket.remoteAddress ?? "",
  };
  send(res, await handler(request));
}

export interface RunningServer {
  readonly server: Server;
  readonly port: number;
  close(): Promise<void>;
}

export async function startHttpsServer(
  options: { certPem: string; keyPem: string; port: number; host: string },
  handler: CloudHandler,
): Promise<RunningServer> {
  const server = createServer({ cert: options.certPem, key: options.keyPem, keepAlive: true }, (req, res) => {
    serve(handler, req, res).catch((error: unknown) => {
      process.stderr.write(`local cloud: unhandled error: ${error instanceof Error ? error.stack : String(error)}\n`);
      if (!res.headersSent) send(res, { status: 500, body: { error: { code: "InternalServerError", message: "An internal error occurred." } } });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
