import type pg from "pg";

const CLOSE_WAIT_MS = 5_000;

/**
 * Returns a function that ends `pool` and resolves once its connections have closed. pg's
 * Pool.end() resolves as soon as every client has been asked to end, before the sockets close;
 * stopping the server right after would terminate those connections and raise errors that no one
 * listens for any more. Call this before the pool opens its first connection.
 */
export function createPoolCloser(pool: pg.Pool): () => Promise<void> {
  const open = new Set<pg.PoolClient>();
  pool.on("connect", (client) => {
    open.add(client);
    client.once("end", () => open.delete(client));
  });

  return async () => {
    await pool.end();
    if (open.size === 0) return;
    const closed = [...open].map((client) => new Promise<void>((resolve) => client.once("end", () => resolve())));
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, CLOSE_WAIT_MS);
    });
    await Promise.race([Promise.all(closed), giveUp]);
    clearTimeout(timer);
  };
}
