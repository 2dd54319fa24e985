import { generate } from 'selfsigned';

/** A throwaway certificate for local HTTPS servers; Chromium runs with --ignore-certificate-errors. */
export async function selfSignedCert(hosts: string[]): Promise<{ key: string; cert: string }> {
  const pems = await generate([{ name: 'commonName', value: hosts[0] ?? 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: hosts.map((value) => ({ type: 2, value })) }],
  } as never);
  return { key: pems.private, cert: pems.cert };
}
