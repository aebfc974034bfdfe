// A page at its worst: 10,000 failing subresources on 10,000 hosts and 10,000 failing frames,
// each with a long address and a long translated message, captured and fitted as the
// background does (the unit tests measure it; the e2e tests store it in Firefox and ask Firefox
// its size).

import { recordFrameFailure } from '../../../src/capture/frame-failures';
import { recordSecurity, startLoad } from '../../../src/capture/navigation-state';
import { summariseSecurityInfo } from '../../../src/capture/security-info';
import { recordSubresourceFailure } from '../../../src/capture/subresource-failures';
import type { TabSnapshot } from '../../../src/shared/tab-snapshot';
import { fitSnapshot } from '../../../src/storage/snapshot-budget';
import { fakeSecurityInfo } from '../fakes/security-info';

const EXPIRED = 'Error code 2153390069';

/** `message` is Firefox's text for each failed image (translated: Russian by default). */
export function floodedPage(
  chain: Record<string, unknown> = fakeSecurityInfo(),
  message = `Сбой соединения с узлом ${'я'.repeat(400)}`,
): TabSnapshot {
  const security = summariseSecurityInfo(chain, 'https://page.test/', 1);
  if (!security) throw new Error('expected security info');
  let s: TabSnapshot | undefined = recordSecurity(
    startLoad(1, `https://page.test/${'p'.repeat(5000)}`, 0),
    1,
    security,
    { incognito: false, cookieStoreId: null },
    1,
  );
  const longPath = 'q'.repeat(3000);
  for (let n = 0; n < 10_000; n++) {
    s = recordSubresourceFailure(s, { url: `https://host${n}.${'h'.repeat(200)}.test/${longPath}?n=${n}`, type: 'image', error: message });
    s = recordFrameFailure(s, `https://frame${n}.test/${longPath}?n=${n}`, EXPIRED);
  }
  if (!s) throw new Error('expected a snapshot');
  return fitSnapshot(s);
}
