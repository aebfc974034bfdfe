// A stand-in for the companion (engineer B's `cert-doctor companion`, src/companion/, not on this
// branch yet): a native messaging host that reads one request in Firefox's framing (a 32-bit
// length in native byte order, then JSON; little-endian on the test machines), checks it with the
// shared schema, makes the one TLS connection with the shared fetchServedChain and answers. The
// e2e test bundles it (companion-install.ts); the lead switches the test to B's install command.

import { fetchServedChain } from '../../../src/check/fetch-served-chain';
import { COMPANION_ERROR, COMPANION_PROTOCOL_VERSION, isServedChainRequest } from '../../../src/shared/served-chain';

function readOneMessage(): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    process.stdin.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length < 4) return;
      const length = buffered.readUInt32LE(0);
      if (buffered.length < 4 + length) return;
      try {
        resolve(JSON.parse(buffered.subarray(4, 4 + length).toString('utf8')));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    process.stdin.on('end', () => {
      reject(new Error('stdin closed before a whole message'));
    });
  });
}

function write(message: unknown): void {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt32LE(body.length, 0);
  process.stdout.write(Buffer.concat([header, body]));
}

async function main(): Promise<void> {
  const request = await readOneMessage().catch(() => null);
  if (!isServedChainRequest(request)) {
    write({ kind: COMPANION_ERROR, version: COMPANION_PROTOCOL_VERSION, error: 'bad-request', detail: 'not a served-chain request' });
  } else {
    write(await fetchServedChain(request.host, request.port, { timeoutMs: 10_000 }));
  }
  process.stdin.destroy();
}

void main();
