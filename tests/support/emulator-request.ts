import { request as httpsRequest } from 'node:https';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): any;
}

export type EmulatorRequest = (
  host: string,
  pathAndQuery: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<Reply>;

/**
 * An HTTPS request to a local emulator as the real client would make it: to its port, under the real hostname
 * (SNI and Host), TLS checked against the emulator's own certificate. A fresh connection each time, so a fault
 * that drops one never leaves a pooled socket behind.
 */
export function emulatorRequest(port: number, cert: string): EmulatorRequest {
  return (host, pathAndQuery, init = {}) =>
    new Promise((resolve, reject) => {
      const req = httpsRequest(
        {
          host: '127.0.0.1',
          port,
          servername: host,
          ca: cert,
          path: pathAndQuery,
          method: init.method ?? 'GET',
          headers: { host, ...init.headers },
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (init.body) req.write(init.body);
      req.end();
    });
}
