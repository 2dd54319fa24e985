import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A CONNECT-only proxy that sends each mapped hostname to a local port. Firefox has no
 * --host-resolver-rules, so a PAC file points the mapped hosts here; TLS still ends at our local servers,
 * so pages keep their real https://<host> origins. Unmapped hosts are refused.
 */
export async function startConnectProxy(
  hosts: Record<string, number>,
): Promise<{ port: number; pac: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  const tunnels = new Set<{ destroy(): void }>();
  server.on('connect', (req, client, head) => {
    tunnels.add(client);
    client.on('close', () => tunnels.delete(client));
    const [host] = (req.url ?? '').split(':');
    const port = host ? hosts[host] : undefined;
    if (!port) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    const end = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', end);
    client.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const names = JSON.stringify(Object.keys(hosts));
  const pac = `function FindProxyForURL(url, host) { return ${names}.indexOf(host) >= 0 ? 'PROXY 127.0.0.1:${port}' : 'DIRECT'; }`;
  return {
    port,
    pac,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        // CONNECT tunnels are no longer HTTP connections: closeAllConnections leaves them open.
        for (const t of tunnels) t.destroy();
        server.close(() => resolve());
      }),
  };
}
