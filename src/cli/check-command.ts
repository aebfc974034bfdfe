// `cert-doctor check`: reads the roots given with --ca, measures the site, predicts what Firefox
// would do and prints it. The exit status says it: 0 loads, 1 refused, 2 not checked.

import { anchorsFromPem, mozillaAnchors } from '../check/anchors';
import { measureSite } from '../check/check-site';
import { predict } from '../check/predict';
import type { TrustAnchor } from '../check/verify-chain';
import type { CheckArguments } from './arguments';
import { renderCheck } from './check-output';

export interface CheckIo {
  readonly readFile: (path: string) => Promise<string>;
  readonly now?: () => number;
}

export interface CheckRun {
  readonly output: string;
  /** Set when the check could not run (an unreadable --ca file): the message for stderr. */
  readonly error: string | null;
  readonly exitCode: 0 | 1 | 2;
}

export async function runCheck(args: CheckArguments, io: CheckIo): Promise<CheckRun> {
  const added: TrustAnchor[] = [];
  for (const file of args.caFiles) {
    let pem: string;
    try {
      pem = await io.readFile(file);
    } catch {
      return { output: '', error: `cannot read --ca file ${JSON.stringify(file)}`, exitCode: 2 };
    }
    const read = anchorsFromPem(pem, 'added');
    if (read.anchors.length === 0) return { output: '', error: `no certificate in --ca file ${JSON.stringify(file)}`, exitCode: 2 };
    added.push(...read.anchors);
  }
  const measurements = await measureSite({
    host: args.host,
    port: args.port,
    timeoutMs: args.timeoutMs,
    ...(args.connectTo === null ? {} : { connectTo: args.connectTo }),
    ...(io.now ? { now: io.now } : {}),
  });
  const prediction = predict(measurements, [...mozillaAnchors(), ...added]);
  const output = renderCheck({ measurements, prediction, format: args.format, language: args.language });
  return { output, error: null, exitCode: prediction.status === 'loads' ? 0 : prediction.status === 'refused' ? 1 : 2 };
}
