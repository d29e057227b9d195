import { createServer } from 'node:net';

/**
 * A TCP port that is free right now on `host`, found by letting the OS pick one. Another process may take it before the
 * caller binds it; callers that spawn a server on it retry with a new port when that happens.
 */
export const findFreePort = (host = '127.0.0.1'): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host, port: 0, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('Could not find a free port'))));
    });
  });
