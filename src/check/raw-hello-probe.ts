// One TCP connection that sends a hand-written ClientHello and reads the server's answer: the
// post-quantum probe (does anything on the path reset a hello with an X25519MLKEM768 share?) and
// the TLS 1.2 probe that sees the certificates in the order the server sends them. Nothing is
// written after the hello; every connection ends at the first answer, a cap on bytes or a timeout.

import { connect } from 'node:net';
import { buildClientHello, type HelloOptions } from './client-hello';
import { readServerFlight, type ServerFlight } from './server-flight';

/** Far more than a ServerHello and a chain of ten certificates; a server sending more is cut off. */
export const MAX_FLIGHT_BYTES = 256 * 1024;

export type HelloEnding = 'answered' | 'reset' | 'closed' | 'timeout' | 'refused' | 'error';

export interface HelloProbeResult {
  readonly ending: HelloEnding;
  readonly flight: ServerFlight | null;
}

export interface HelloTarget {
  /** The address to connect to (a name is resolved by the system, once). */
  readonly address: string;
  readonly port: number;
  readonly serverName: string | null;
  readonly timeoutMs: number;
}

export function probeWithHello(target: HelloTarget, shape: HelloOptions['shape']): Promise<HelloProbeResult> {
  return new Promise((resolve) => {
    let received = Buffer.alloc(0);
    let settled = false;
    const socket = connect({ host: target.address, port: target.port });
    const finish = (ending: HelloEnding): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ending, flight: received.length > 0 ? readServerFlight(received) : null });
    };
    const timer = setTimeout(() => {
      finish('timeout');
    }, target.timeoutMs);
    socket.once('connect', () => socket.write(buildClientHello({ serverName: target.serverName, shape })));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= MAX_FLIGHT_BYTES || readServerFlight(received).done) finish('answered');
    });
    socket.once('end', () => {
      finish(received.length > 0 ? 'answered' : 'closed');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET') finish(received.length > 0 ? 'answered' : 'reset');
      else finish(error.code === 'ECONNREFUSED' ? 'refused' : 'error');
    });
  });
}
