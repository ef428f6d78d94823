import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * A TCP load balancer for tests of several nodes: each new connection goes to
 * the next backend in turn; a backend that refuses the connection is skipped.
 * Like nginx without sticky sessions, it knows nothing about the sockets it
 * carries, so a client whose node dies reconnects wherever it lands.
 */
export type Balancer = {
  url: string;
  /** How many open connections each backend carries now. */
  connections(): Map<number, number>;
  close(): Promise<void>;
};

export async function startBalancer(backendPorts: number[]): Promise<Balancer> {
  let next = 0;
  const open = new Map<number, Set<Socket>>(backendPorts.map((port) => [port, new Set()]));

  function forward(client: Socket, attempt: number) {
    if (attempt >= backendPorts.length) {
      client.destroy();
      return;
    }
    const port = backendPorts[next++ % backendPorts.length]!;
    const upstream = connect({ port, host: "127.0.0.1" });
    let connected = false;
    upstream.once("connect", () => {
      connected = true;
      open.get(port)!.add(client);
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
    upstream.on("error", () => {
      if (!connected) forward(client, attempt + 1);
      else client.destroy();
    });
    upstream.on("close", () => {
      open.get(port)!.delete(client);
      if (connected) client.destroy();
    });
    client.on("close", () => upstream.destroy());
    client.on("error", () => upstream.destroy());
  }

  const server: Server = createServer({ pauseOnConnect: true }, (client) => forward(client, 0));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => new Map([...open].map(([backend, sockets]) => [backend, sockets.size])),
    close: () =>
      new Promise<void>((resolve) => {
        for (const sockets of open.values()) for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
