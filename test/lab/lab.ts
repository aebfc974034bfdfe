// startLab(): make a fresh PKI, start one server per case (plus the index), and describe the
// result in the shape test/lab/types.ts promises.
import {
  COMPROMISED_ROOT_NAME,
  INTERCEPTION_ROOT_NAME,
  LAB_ROOT_NAME,
  RUSSIAN_ROOT_NAME,
  makeAuthorities,
  makeCredential,
  type Authorities,
} from './authorities';
import { CASE_DEFINITIONS, INDEX_CREDENTIAL, INDEX_HOST, type LabCaseDefinition, type ServerRecipe } from './cases';
import { caseHandler, indexHandler, rawConnectionLogger, type ServerClock } from './handlers';
import { FLOOD_CERTIFICATE_NAMES, FLOOD_HOST, FLOOD_PATH, closedPort, floodHosts } from './flood';
import { startHttpServer, startHttpsServer, startPostQuantumResetProxy, startRawServer, type RunningServer } from './servers';
import type { Lab, LabCase, LabRequest, TrustedRoot } from './types';

export type { Lab, LabCase, LabCaseSpec, LabRequest, TrustedRoot } from './types';

/** Case definitions that own a server, with the ids of the cases sharing it. */
interface OwnedServer {
  readonly owner: LabCaseDefinition;
  readonly recipe: ServerRecipe;
  readonly servedIds: readonly string[];
}

/** Checks the table's cross-references once, so a typo fails loudly at start-up. */
function planServers(definitions: readonly LabCaseDefinition[]): OwnedServer[] {
  const ids = new Set<string>();
  for (const { spec } of definitions) {
    if (ids.has(spec.id)) throw new Error(`lab: duplicate case id "${spec.id}"`);
    ids.add(spec.id);
  }
  for (const { spec } of definitions) {
    if (spec.after !== undefined && !ids.has(spec.after)) {
      throw new Error(`lab: case "${spec.id}" must come after unknown case "${spec.after}"`);
    }
  }
  const owned: OwnedServer[] = [];
  for (const definition of definitions) {
    const { server, spec } = definition;
    if ('sharedWith' in server) {
      const target = definitions.find((other) => other.spec.id === server.sharedWith);
      if (target === undefined || 'sharedWith' in target.server) {
        throw new Error(`lab: case "${spec.id}" shares the server of "${server.sharedWith}", which has no server of its own`);
      }
      continue;
    }
    if (server.kind === 'https' && server.embedImageFrom !== undefined && !ids.has(server.embedImageFrom)) {
      throw new Error(`lab: case "${spec.id}" embeds an image from unknown case "${server.embedImageFrom}"`);
    }
    const sharers = definitions.filter((other) => 'sharedWith' in other.server && other.server.sharedWith === spec.id);
    owned.push({ owner: definition, recipe: server, servedIds: [spec.id, ...sharers.map((other) => other.spec.id)] });
  }
  return owned;
}

/** Rejects with the case id in the message, whatever failed underneath. */
async function named<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`lab: ${what} failed to start: ${reason}`, { cause: error });
  }
}

/** Starts the lab with the standard case table. */
export function startLab(): Promise<Lab> {
  return startLabWith(CASE_DEFINITIONS);
}

/** Starts a lab from any case table; exported so tests can check how start-up failures look. */
export async function startLabWith(definitions: readonly LabCaseDefinition[]): Promise<Lab> {
  const plan = planServers(definitions);
  const now = Date.now();
  const authorities: Authorities = await named('the PKI', () => makeAuthorities(now));

  const requests: LabRequest[] = [];
  const clock: ServerClock = { offsetMs: 0 };
  // Filled in once every port is known; handlers read it at request time.
  const casesById = new Map<string, LabCase>();
  const allCases = (): LabCase[] => definitions.map(({ spec }) => lookup(spec.id));
  const lookup = (id: string): LabCase => {
    const found = casesById.get(id);
    if (found === undefined) {
      throw new Error(`lab: no case with id "${id}" (known: ${definitions.map(({ spec }) => spec.id).join(', ')})`);
    }
    return found;
  };

  function startCaseServer({ owner, recipe, servedIds }: OwnedServer): Promise<RunningServer> {
    const caseId = owner.spec.id;
    return named(`server for case "${caseId}"`, async () => {
      const handlerFor = (hsts: boolean, embedFrom: string | undefined) =>
        caseHandler({
          servedCases: () => servedIds.map(lookup),
          hsts,
          embedImageFrom: embedFrom === undefined ? undefined : () => lookup(embedFrom),
          log: requests,
          clock,
        });
      switch (recipe.kind) {
        case 'https':
          return startHttpsServer({
            credential: await makeCredential(authorities, recipe.credential, now),
            tls: recipe.tls,
            clientCaPem: authorities.root.certPem,
            handler: handlerFor(recipe.hsts ?? false, recipe.embedImageFrom),
          });
        case 'http-only':
          return startHttpServer(handlerFor(false, undefined));
        case 'reset-post-quantum': {
          const backend = await startHttpsServer({
            credential: await makeCredential(authorities, recipe.credential, now),
            tls: undefined,
            clientCaPem: authorities.root.certPem,
            handler: handlerFor(false, undefined),
          });
          return startPostQuantumResetProxy(backend, (keyShareGroups) => {
            requests.push({ caseId, method: 'RAW', host: '', path: '', keyShareGroups });
          });
        }
        default:
          return startRawServer(recipe.kind, rawConnectionLogger(caseId, requests));
      }
    });
  }

  // The flood page (flood.ts) is served by the index server; its images go to a closed port.
  let indexPort = 0;
  const refusedPort = await named('the flood page', closedPort);
  const flood = { port: () => indexPort, failingPort: () => refusedPort };
  const startIndex = (): Promise<RunningServer> =>
    named('index server', async () =>
      startHttpsServer({
        credential: await makeCredential(
          authorities,
          { ...INDEX_CREDENTIAL, dnsNames: [...INDEX_CREDENTIAL.dnsNames, ...FLOOD_CERTIFICATE_NAMES] },
          now,
        ),
        tls: undefined,
        clientCaPem: authorities.root.certPem,
        handler: indexHandler(allCases, requests, clock, flood),
      }),
    );

  // Start everything at once (leaf keys are made concurrently too), then fail as a whole:
  // a lab with a missing case would make the browser tests fail far from the cause.
  const attempts = await Promise.allSettled([startIndex(), ...plan.map(startCaseServer)]);
  const running = attempts.flatMap((attempt) => (attempt.status === 'fulfilled' ? [attempt.value] : []));
  const failures = attempts.flatMap((attempt) => (attempt.status === 'rejected' ? [attempt.reason as unknown] : []));
  if (failures.length > 0) {
    await Promise.all(running.map((server) => server.close()));
    const messages = failures.map((failure) => (failure instanceof Error ? failure.message : String(failure)));
    throw new Error(messages.join('\n'), { cause: failures[0] });
  }
  const [indexServer, ...caseServers] = running;
  if (indexServer === undefined) throw new Error('lab: index server missing');
  indexPort = indexServer.port;

  plan.forEach(({ servedIds }, index) => {
    const server = caseServers[index];
    if (server === undefined) throw new Error(`lab: server for case "${servedIds[0] ?? '?'}" missing`);
    for (const id of servedIds) {
      const definition = definitions.find(({ spec }) => spec.id === id);
      if (definition === undefined) throw new Error(`lab: case "${id}" missing`);
      const { spec } = definition;
      casesById.set(id, { ...spec, port: server.port, url: `${spec.scheme ?? 'https'}://${spec.host}:${server.port}${spec.path}` });
    }
  });
  const cases = Object.freeze(allCases());

  const trustedRoots: readonly TrustedRoot[] = Object.freeze([
    { nickname: commonName(LAB_ROOT_NAME), pem: authorities.root.certPem },
    { nickname: commonName(INTERCEPTION_ROOT_NAME), pem: authorities['interception-root'].certPem },
    // Roots people meet (issue 10): added to the device on purpose, or by a vendor's software.
    { nickname: commonName(RUSSIAN_ROOT_NAME), pem: authorities['russian-root'].certPem },
    { nickname: commonName(COMPROMISED_ROOT_NAME), pem: authorities['compromised-root'].certPem },
  ]);

  let stopping: Promise<void> | undefined;
  return {
    cases,
    indexUrl: `https://${INDEX_HOST}:${indexServer.port}/`,
    hosts: Object.freeze([...new Set([INDEX_HOST, ...cases.map((labCase) => labCase.host)])]),
    trustedRoots,
    flood: Object.freeze({ url: `https://${FLOOD_HOST}:${indexServer.port}${FLOOD_PATH}`, hosts: Object.freeze(floodHosts()) }),
    requests,
    byId: lookup,
    simulateClientClockOffset: (offsetMs: number) => {
      clock.offsetMs = offsetMs;
    },
    stop() {
      // Idempotent: tests may call stop() from both a test and an afterAll.
      stopping ??= Promise.all(running.map((server) => server.close())).then(() => undefined);
      return stopping;
    },
  };
}

/** 'CN=Cert Doctor Lab Root, O=...' -> 'Cert Doctor Lab Root' (used as the certutil nickname). */
function commonName(distinguishedName: string): string {
  const match = /^CN=([^,]+)/.exec(distinguishedName);
  if (match?.[1] === undefined) throw new Error(`lab: no CN in "${distinguishedName}"`);
  return match[1];
}
