// The lab as a whole: start-up time and shape, the index page, the request log, loud
// start-up failures, and a stop() that leaves nothing running (so jest can exit).
import * as net from 'node:net';
import * as tls from 'node:tls';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import type { LabCaseDefinition } from '../lab/cases';
import { startLab, startLabWith, type Lab } from '../lab/lab';
import { CLIENT_HELLO_PREFIX, probeRaw, probeTls } from '../lab/probe';

/** Listening servers and TCP sockets currently keeping the process alive. */
function networkHandles(): number {
  return process.getActiveResourcesInfo().filter((name) => name === 'TCPServerWrap' || name === 'TCPSocketWrap').length;
}

/** Lets closed handles be released before counting them. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 50));
}

function connectionRefused(port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.on('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.on('error', (error: Error & { code?: string }) => {
      resolve(error.code);
    });
  });
}

describe('a running lab', () => {
  let lab: Lab;
  const labRootPem = (): string => lab.trustedRoots[0]?.pem ?? '';
  let startMs: number;
  let handlesBefore: number;

  beforeAll(async () => {
    await settle();
    handlesBefore = networkHandles();
    const started = Date.now();
    lab = await startLab();
    startMs = Date.now() - started;
  });

  afterAll(async () => {
    await lab.stop();
  });

  test('starts within a few seconds', () => {
    // Typically well under a second; the bound leaves room for a loaded CI machine.
    expect(startMs).toBeLessThan(5000);
  });

  test('every case has its own URL on an OS-assigned port, https unless it asks for http', () => {
    expect(lab.cases.length).toBeGreaterThanOrEqual(23);
    for (const labCase of lab.cases) {
      expect(labCase.port).toBeGreaterThan(0);
      expect(labCase.url).toBe(`${labCase.scheme === 'http' ? 'http' : 'https'}://${labCase.host}:${labCase.port}${labCase.path}`);
      expect(lab.byId(labCase.id)).toBe(labCase);
    }
    // Only the deliberately shared server (bare-name / www-name) reuses a port.
    const ports = lab.cases.map((labCase) => labCase.port);
    expect(ports.length - new Set(ports).size).toBe(1);
  });

  test('byId names the unknown id', () => {
    expect(() => lab.byId('no-such-case')).toThrow(/no-such-case/);
  });

  test('hosts lists the index host and every case host once', () => {
    expect(lab.hosts).toContain('lab.test');
    for (const labCase of lab.cases) expect(lab.hosts).toContain(labCase.host);
    expect(new Set(lab.hosts).size).toBe(lab.hosts.length);
    expect(lab.hosts.filter((host) => !host.endsWith('.test'))).toEqual(['router.home.arpa', 'bank.cert-doctor-lab.ru']);
    expect(new URL(lab.indexUrl).hostname).toBe('lab.test');
  });

  test('trusts exactly the lab root, the avast-like root and the roots people meet, all self-signed CAs', async () => {
    expect(lab.trustedRoots.map((root) => root.nickname)).toEqual([
      'Cert Doctor Lab Root',
      'avast! Web/Mail Shield Root',
      'Russian Trusted Root CA',
      'eDellRoot',
    ]);
    const [labRoot, avast, russian, edell] = lab.trustedRoots.map((root) => new x509.X509Certificate(root.pem));
    expect(labRoot?.subject).toBe('CN=Cert Doctor Lab Root, O=Cert Doctor Lab');
    expect(avast?.subject).toBe('CN=avast! Web/Mail Shield Root, O=avast! Web/Mail Shield');
    // The real certificates' subjects (src/rules/known-roots.ts cites them).
    expect(russian?.subject).toBe('CN=Russian Trusted Root CA, O=The Ministry of Digital Development and Communications, C=RU');
    expect(edell?.subject).toBe('CN=eDellRoot');
    for (const root of [labRoot, avast, russian, edell]) {
      expect(await root?.isSelfSigned()).toBe(true);
      expect(root?.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(true);
    }
  });

  test('the index page is served with a valid chain and lists every case', async () => {
    const index = new URL(lab.indexUrl);
    const port = Number(index.port);
    const result = await probeTls({ host: index.hostname, port, ca: [labRootPem()], getPath: '/' });
    expect(result.authorized).toBe(true);
    expect(result.response).toMatch(/^HTTP\/1\.1 200 /);
    const html = result.response;
    for (const labCase of lab.cases) {
      expect(html).toContain(`<code>${labCase.id}</code>`);
      expect(html).toContain(`<a href="${labCase.url}">`);
      if (labCase.expectedCode !== '') expect(html).toContain(`<code>${labCase.expectedCode}</code>`);
    }
    expect(html).toMatch(/Visit <code>missing-intermediate<\/code> first, in a fresh browser profile/);
    // Titles contain apostrophes ("A shared host's ..."), which must arrive escaped.
    expect(html).toContain('A shared host&#39;s default certificate');
  });

  test('records HTTP requests per case, and nothing for a refused handshake', async () => {
    const before = lab.requests.length;
    const valid = lab.byId('valid');
    await probeTls({ host: valid.host, port: valid.port, ca: [labRootPem()], getPath: '/pixel.png' });
    expect(lab.requests.slice(before)).toEqual([{ caseId: 'valid', method: 'GET', host: 'valid.lab.test', path: '/pixel.png' }]);

    // A client that stops at the bad certificate never sends a request.
    const expired = lab.byId('expired');
    const refused = await new Promise<string | undefined>((resolve) => {
      const socket = tls.connect({ host: '127.0.0.1', port: expired.port, servername: expired.host, ca: [labRootPem()] });
      socket.on('secureConnect', () => {
        resolve(undefined);
      });
      socket.on('error', (error: Error & { code?: string }) => {
        resolve(error.code);
      });
    });
    expect(refused).toBe('CERT_HAS_EXPIRED');
    expect(lab.requests.slice(before).filter((request) => request.caseId === 'expired')).toEqual([]);
  });

  test('raw servers record connections: an HTTP request line as such, a ClientHello as RAW', async () => {
    const before = lab.requests.length;
    const plain = lab.byId('http-on-https-port');
    await probeRaw(plain.port, Buffer.from(`GET /probe HTTP/1.1\r\nHost: ${plain.host}:${plain.port}\r\n\r\n`));
    await probeRaw(lab.byId('connection-reset').port, CLIENT_HELLO_PREFIX);
    expect(lab.requests.slice(before)).toEqual([
      { caseId: 'http-on-https-port', method: 'GET', host: 'http-on-tls.lab.test', path: '/probe' },
      { caseId: 'connection-reset', method: 'RAW', host: '', path: '' },
    ]);
  });

  test('stop() closes keep-alive connections, frees every port and handle, and can be called twice', async () => {
    const valid = lab.byId('valid');
    // An idle keep-alive connection: the kind that keeps a process (and jest) alive.
    const socket = tls.connect({ host: '127.0.0.1', port: valid.port, servername: valid.host, ca: [labRootPem()] });
    const closed = new Promise<void>((resolve) =>
      socket.on('close', () => {
        resolve();
      }),
    );
    socket.on('error', () => undefined);
    await new Promise<void>((resolve) => {
      socket.once('data', () => {
        resolve();
      });
      socket.write(`GET / HTTP/1.1\r\nHost: ${valid.host}\r\n\r\n`);
    });
    expect(socket.destroyed).toBe(false);
    // A request still in flight (headers not finished) is not idle, so Node's server.close()
    // alone would wait for it; likewise a raw TCP connection that has sent nothing yet.
    const partial = tls.connect({ host: '127.0.0.1', port: valid.port, servername: valid.host, ca: [labRootPem()] });
    partial.on('error', () => undefined);
    const partialClosed = new Promise<void>((resolve) =>
      partial.on('close', () => {
        resolve();
      }),
    );
    await new Promise<void>((resolve) =>
      partial.once('secureConnect', () => {
        resolve();
      }),
    );
    partial.write(`GET / HTTP/1.1\r\nHost: ${valid.host}\r\n`);
    const raw = net.connect({ host: '127.0.0.1', port: lab.byId('connection-closed').port });
    raw.on('error', () => undefined);
    const rawClosed = new Promise<void>((resolve) =>
      raw.on('close', () => {
        resolve();
      }),
    );
    await new Promise<void>((resolve) =>
      raw.once('connect', () => {
        resolve();
      }),
    );
    await settle();

    const stopped = Date.now();
    await Promise.all([lab.stop(), lab.stop()]);
    expect(Date.now() - stopped).toBeLessThan(1000);
    await Promise.all([closed, partialClosed, rawClosed]);

    for (const labCase of lab.cases) expect(await connectionRefused(labCase.port)).toBe('ECONNREFUSED');
    expect(await connectionRefused(Number(new URL(lab.indexUrl).port))).toBe('ECONNREFUSED');
    await settle();
    expect(networkHandles()).toBe(handlesBefore);
  });
});

describe('start-up failures are loud', () => {
  const good: LabCaseDefinition = {
    spec: {
      id: 'fine',
      title: 'A fine site.',
      host: 'fine.lab.test',
      path: '/',
      expectedCode: '',
      expectedDiagnosis: { verdict: 'caution', bypass: '', top: 'private-ca' },
    },
    server: { kind: 'https', credential: { issuer: 'intermediate', dnsNames: ['fine.lab.test'] } },
  };

  test('a server that cannot start rejects startLab with the case id, and the others are closed', async () => {
    await settle();
    const handlesBefore = networkHandles();
    const broken: LabCaseDefinition = {
      spec: {
        id: 'bad-ciphers',
        title: 'Misconfigured.',
        host: 'bad.lab.test',
        path: '/',
        expectedCode: '',
        expectedDiagnosis: { verdict: 'caution', bypass: '', top: 'private-ca' },
      },
      server: {
        kind: 'https',
        credential: { issuer: 'intermediate', dnsNames: ['bad.lab.test'] },
        tls: { ciphers: 'NO-SUCH-CIPHER' },
      },
    };
    await expect(startLabWith([good, broken])).rejects.toThrow(/server for case "bad-ciphers" failed to start: .*no cipher match/);
    await settle();
    expect(networkHandles()).toBe(handlesBefore);
  });

  test('a table referring to a missing case is rejected before anything starts', async () => {
    const orphan: LabCaseDefinition = {
      spec: {
        id: 'orphan',
        title: 'Shares nothing.',
        host: 'orphan.lab.test',
        path: '/',
        expectedCode: '',
        expectedDiagnosis: { verdict: 'caution', bypass: '', top: 'private-ca' },
      },
      server: { sharedWith: 'does-not-exist' },
    };
    await expect(startLabWith([good, orphan])).rejects.toThrow(/case "orphan" shares the server of "does-not-exist"/);
  });
});
