import { createServer } from "node:net";

/** A TCP port on `host` that nothing listens on right now (another process may still take it first). */
export function findFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen({ host, port: 0, exclusive: true }, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error(`Could not find a free port on ${host}.`));
      });
    });
  });
}
