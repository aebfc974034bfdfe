import { startLoad } from '../../src/capture/navigation-state';
import { isConnectionFailure, MAX_SUBRESOURCE_ENTRIES, recordSubresourceFailure } from '../../src/capture/subresource-failures';
import { recordFrameFailure, MAX_FRAME_FAILURES } from '../../src/capture/frame-failures';

const page = startLoad(1, 'https://subresource.lab.test/', 0);
const EXPIRED_SENTENCE = 'Peer’s Certificate has expired.';

describe('isConnectionFailure', () => {
  test.each([
    ['image', EXPIRED_SENTENCE, true],
    ['script', 'NS_ERROR_NET_RESET', true],
    ['xmlhttprequest', 'NS_ERROR_CONNECTION_REFUSED', true],
    ['image', 'NS_BINDING_ABORTED', false],
    ['script', 'NS_ERROR_TRACKING_URI', false],
    ['main_frame', EXPIRED_SENTENCE, false],
    ['sub_frame', EXPIRED_SENTENCE, false],
    ['beacon', 'NS_ERROR_NET_RESET', false],
  ])('%s %s -> %s', (type, error, expected) => {
    expect(isConnectionFailure(type, error)).toBe(expected);
  });
});

describe('recordSubresourceFailure', () => {
  test('groups failures by host and type, counting each', () => {
    let s = recordSubresourceFailure(page, { url: 'https://expired.lab.test:8443/a.png', type: 'image', error: EXPIRED_SENTENCE });
    s = recordSubresourceFailure(s, { url: 'https://expired.lab.test:8443/b.png', type: 'image', error: EXPIRED_SENTENCE });
    s = recordSubresourceFailure(s, { url: 'https://cdn.test/x.js', type: 'script', error: 'NS_ERROR_NET_RESET' });
    expect(s?.subresourceFailureCount).toBe(3);
    expect(s?.subresourceFailures).toEqual([
      {
        host: 'expired.lab.test:8443',
        type: 'image',
        error: EXPIRED_SENTENCE,
        exampleUrl: 'https://expired.lab.test:8443/a.png',
        count: 2,
      },
      { host: 'cdn.test', type: 'script', error: 'NS_ERROR_NET_RESET', exampleUrl: 'https://cdn.test/x.js', count: 1 },
    ]);
  });

  test('the kept list is bounded but the total keeps counting', () => {
    let s = recordSubresourceFailure(page, { url: 'https://h0.test/', type: 'image', error: 'e' });
    for (let i = 1; i < 50; i += 1) s = recordSubresourceFailure(s, { url: `https://h${i}.test/`, type: 'image', error: 'e' });
    expect(s?.subresourceFailures).toHaveLength(MAX_SUBRESOURCE_ENTRIES);
    expect(s?.subresourceFailureCount).toBe(50);
  });

  test('nothing is recorded without a page, or for an unparsable URL', () => {
    expect(recordSubresourceFailure(undefined, { url: 'https://a.test/', type: 'image', error: 'e' })).toBeUndefined();
    expect(recordSubresourceFailure(page, { url: 'not a url', type: 'image', error: 'e' })).toBe(page);
  });
});

describe('recordFrameFailure', () => {
  test('keeps the frame URL and decoded number; ignores cancelled frames; bounded', () => {
    const s = recordFrameFailure(page, 'https://widget.test/', 'Error code 2153390069');
    expect(s?.frameFailures).toEqual([{ url: 'https://widget.test/', errorNumber: 2153390069 }]);
    expect(recordFrameFailure(page, 'https://widget.test/', 'Error code 2152398850')).toBe(page);
    let many = page as typeof page | undefined;
    for (let i = 0; i < 30; i += 1) many = recordFrameFailure(many, `https://f${i}.test/`, 'Error code 1');
    expect(many?.frameFailures).toHaveLength(MAX_FRAME_FAILURES);
  });
});
