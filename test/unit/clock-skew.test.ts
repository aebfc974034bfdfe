import { clockHostOf, PRIVATE_WINDOW_HOST } from '../../src/capture/clock-samples';
import {
  addClockSample,
  clockSampleFromResponse,
  estimateSkew,
  type ClockSample,
  type ResponseForClock,
  type SkewEstimate,
} from '../../src/core/clock/skew';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** 2024-03-10 12:00:00 UTC, and its Date header. */
const T0 = Date.UTC(2024, 2, 10, 12, 0, 0);
const T0_HEADER = 'Sun, 10 Mar 2024 12:00:00 GMT';

describe('clockSampleFromResponse', () => {
  const response = (headers: ResponseForClock['headers'], extra: Partial<ResponseForClock> = {}): ResponseForClock => ({
    host: 'a.example',
    localTime: T0 + 3 * DAY,
    fromCache: false,
    headers,
    ...extra,
  });

  test('Date plus the half second lost to truncation, against the local time of arrival', () => {
    expect(clockSampleFromResponse(response([{ name: 'Date', value: T0_HEADER }]))).toEqual({
      host: 'a.example',
      serverTime: T0 + 500,
      localTime: T0 + 3 * DAY,
    });
  });

  test.each<[string, ResponseForClock['headers'], number | null]>([
    ['lower-case name', [{ name: 'date', value: T0_HEADER }], T0 + 500],
    ['upper-case name', [{ name: 'DATE', value: T0_HEADER }], T0 + 500],
    [
      'among other headers',
      [
        { name: 'Server', value: 'x' },
        { name: 'Date', value: T0_HEADER },
        { name: 'Content-Type', value: 'text/html' },
      ],
      T0 + 500,
    ],
    [
      'the same Date twice',
      [
        { name: 'Date', value: T0_HEADER },
        { name: 'date', value: T0_HEADER },
      ],
      T0 + 500,
    ],
    // Age: a shared cache passes on the origin's Date; Age says how long ago that was.
    [
      'Age 120 is added',
      [
        { name: 'Date', value: T0_HEADER },
        { name: 'Age', value: '120' },
      ],
      T0 + 120 * SECOND + 500,
    ],
    [
      'Age 0',
      [
        { name: 'Date', value: T0_HEADER },
        { name: 'age', value: '0' },
      ],
      T0 + 500,
    ],
    [
      'Age with spaces around it',
      [
        { name: 'Date', value: T0_HEADER },
        { name: 'AGE', value: ' 7 ' },
      ],
      T0 + 7 * SECOND + 500,
    ],
    [
      'Age of exactly a day',
      [
        { name: 'Date', value: T0_HEADER },
        { name: 'Age', value: '86400' },
      ],
      T0 + DAY + 500,
    ],
    [
      'Age over a day',
      [
        { name: 'Date', value: T0_HEADER },
        { name: 'Age', value: '86401' },
      ],
      null,
    ],
    [
      'negative Age',
      [
        { name: 'Date', value: T0_HEADER },
        { name: 'Age', value: '-5' },
      ],
      null,
    ],
    [
      'fractional Age',
      [
        { name: 'Date', value: T0_HEADER },
        { name: 'Age', value: '1.5' },
      ],
      null,
    ],
    [
      'Age that is not a number',
      [
        { name: 'Date', value: T0_HEADER },
        { name: 'Age', value: 'old' },
      ],
      null,
    ],
    [
      'huge Age',
      [
        { name: 'Date', value: T0_HEADER },
        { name: 'Age', value: '99999999999999' },
      ],
      null,
    ],
    [
      'two Age headers',
      [
        { name: 'Date', value: T0_HEADER },
        { name: 'Age', value: '1' },
        { name: 'Age', value: '2' },
      ],
      null,
    ],
    ['no Date', [{ name: 'Server', value: 'x' }], null],
    ['no headers', [], null],
    ['Date without a value (binaryValue only)', [{ name: 'Date' }], null],
    ['garbage Date', [{ name: 'Date', value: 'yesterday' }], null],
    ['Date that Date.parse would take', [{ name: 'Date', value: '2024-03-10' }], null],
    [
      'two different Dates',
      [
        { name: 'Date', value: T0_HEADER },
        { name: 'Date', value: 'Sun, 10 Mar 2024 12:00:09 GMT' },
      ],
      null,
    ],
  ])('%s', (_title, headers, serverTime) => {
    expect(clockSampleFromResponse(response(headers))?.serverTime ?? null).toBe(serverTime);
  });

  test('a response from Firefox cache says nothing about the time now', () => {
    expect(clockSampleFromResponse(response([{ name: 'Date', value: T0_HEADER }], { fromCache: true }))).toBeNull();
  });

  test('host names are compared in lower case', () => {
    expect(clockSampleFromResponse(response([{ name: 'Date', value: T0_HEADER }], { host: 'WWW.Example.COM' }))?.host).toBe(
      'www.example.com',
    );
  });

  test('a local time that is not a number gives no sample', () => {
    expect(clockSampleFromResponse(response([{ name: 'Date', value: T0_HEADER }], { localTime: Number.NaN }))).toBeNull();
  });
});

/** A sample of `host` whose clock offset (local - server) is `offsetMs`. */
const at = (host: string, offsetMs: number, localTime = T0): ClockSample => ({ host, serverTime: localTime - offsetMs, localTime });
/** One sample per host, hosts named h0, h1, ... */
const hosts = (...offsets: number[]): ClockSample[] => offsets.map((offset, i) => at(`h${i}.example`, offset, T0 + i * SECOND));

describe('estimateSkew', () => {
  test.each<[string, ClockSample[], SkewEstimate | null]>([
    [
      'clock 3 days ahead',
      hosts(3 * DAY, 3 * DAY, 3 * DAY, 3 * DAY),
      { skewMs: 3 * DAY, hosts: 4, spreadMs: 0, outliers: 0, confidence: 'high' },
    ],
    [
      'clock 2 hours behind',
      hosts(-2 * HOUR, -2 * HOUR, -2 * HOUR),
      { skewMs: -2 * HOUR, hosts: 3, spreadMs: 0, outliers: 0, confidence: 'high' },
    ],
    [
      'clock right, with network jitter',
      hosts(-400, 100, 250, 0, -50),
      { skewMs: 0, hosts: 5, spreadMs: 650, outliers: 0, confidence: 'high' },
    ],
    [
      'even number of hosts: the mean of the middle two',
      hosts(3 * DAY + 200, 3 * DAY - 300, 3 * DAY + 100, 3 * DAY),
      { skewMs: 3 * DAY + 50, hosts: 4, spreadMs: 500, outliers: 0, confidence: 'high' },
    ],
    [
      'one host with a wrong clock among many is dropped',
      hosts(3 * DAY, 3 * DAY + 300, 0, 3 * DAY - 200, 3 * DAY + 100, 3 * DAY, 3 * DAY - 100),
      { skewMs: 3 * DAY, hosts: 6, spreadMs: 500, outliers: 1, confidence: 'high' },
    ],
    [
      'a host 45 s off among close agreement is an outlier',
      hosts(0, 200, -200, 45 * SECOND),
      { skewMs: 0, hosts: 3, spreadMs: 400, outliers: 1, confidence: 'high' },
    ],
    [
      'a host 20 s off is kept, but spread over 10 s lowers confidence',
      hosts(0, 0, 20 * SECOND),
      { skewMs: 0, hosts: 3, spreadMs: 20 * SECOND, outliers: 0, confidence: 'low' },
    ],
    // median 12 s; deviations 27, 24, 0, 3, 32 s; MAD 24 s: 3 * MAD = 72 s keeps the host 32 s away.
    [
      'scattered hosts widen the window to 3 * MAD',
      hosts(-15 * SECOND, -12 * SECOND, 12 * SECOND, 15 * SECOND, 44 * SECOND),
      { skewMs: 12 * SECOND, hosts: 5, spreadMs: 59 * SECOND, outliers: 0, confidence: 'low' },
    ],
    [
      'two agreeing hosts: an estimate, low confidence',
      hosts(-2 * HOUR, -2 * HOUR + 800),
      { skewMs: -2 * HOUR + 400, hosts: 2, spreadMs: 800, outliers: 0, confidence: 'low' },
    ],
    [
      'majority of three against two',
      hosts(0, 2 * DAY, 100, 2 * DAY, -100),
      { skewMs: 0, hosts: 3, spreadMs: 200, outliers: 2, confidence: 'high' },
    ],
    // Decided: two hosts that contradict each other give no estimate; either clock may be wrong.
    ['two hosts days apart: no estimate', hosts(0, 3 * DAY), null],
    [
      'two hosts 60 s apart still agree (within 30 s of their middle)',
      hosts(0, 60 * SECOND),
      { skewMs: 30 * SECOND, hosts: 2, spreadMs: 60 * SECOND, outliers: 0, confidence: 'low' },
    ],
    ['two hosts just over 60 s apart: no estimate', hosts(0, 60 * SECOND + 1), null],
    ['two camps of two: no majority, no estimate', hosts(0, 0, 2 * DAY, 2 * DAY), null],
    ['one host and two liars that disagree with it and each other', hosts(0, 5 * DAY, -5 * DAY), null],
    ['no samples', [], null],
    ['one host', hosts(3 * DAY), null],
    ['one host seen many times', [at('a.example', DAY, T0), at('a.example', DAY, T0 + 1), at('a.example', DAY, T0 + 2)], null],
  ])('%s', (_title, samples, expected) => {
    expect(estimateSkew(samples)).toEqual(expected);
  });

  test("a host's newest sample is its only vote, wherever it sits in the list", () => {
    const samples = [
      at('b.example', 0, T0),
      at('a.example', 0, T0 + HOUR), // newest of a.example: clock right
      at('c.example', 0, T0),
      at('a.example', DAY, T0), // older sample of a.example, before the clock was fixed
      at('a.example', DAY, T0 + 1),
    ];
    expect(estimateSkew(samples)).toEqual({ skewMs: 0, hosts: 3, spreadMs: 0, outliers: 0, confidence: 'high' });
  });

  test('a host visited often does not outvote the others', () => {
    const busy = Array.from({ length: 50 }, (_, i) => at('busy.example', 3 * DAY, T0 + i));
    const estimate = estimateSkew([...busy, at('x.example', 0), at('y.example', 0), at('z.example', 0)]);
    expect(estimate).toMatchObject({ skewMs: 0, hosts: 3, outliers: 1 });
  });

  test('host names differing only in case are one host', () => {
    expect(estimateSkew([at('A.example', DAY, T0), at('a.example', DAY, T0 + 1)])).toBeNull();
  });

  test('corrupt samples (non-finite times) are ignored', () => {
    const corrupt: ClockSample = { host: 'bad.example', serverTime: Number.NaN, localTime: T0 };
    expect(estimateSkew([corrupt, ...hosts(HOUR, HOUR, HOUR)])).toMatchObject({ skewMs: HOUR, hosts: 3, outliers: 0 });
  });

  test('responses from Firefox cache never reach the estimate', () => {
    const now = T0 + 2 * HOUR; // this computer is 2 h ahead
    const fresh = ['a', 'b', 'c'].map((host, i) =>
      clockSampleFromResponse({ host, localTime: now + i, fromCache: false, headers: [{ name: 'Date', value: T0_HEADER }] }),
    );
    // A page cached a week ago carries a week-old Date.
    const cached = clockSampleFromResponse({
      host: 'd',
      localTime: now,
      fromCache: true,
      headers: [{ name: 'Date', value: 'Sun, 03 Mar 2024 12:00:00 GMT' }],
    });
    const samples = [...fresh, cached].filter((s): s is ClockSample => s !== null);
    expect(samples).toHaveLength(3);
    expect(estimateSkew(samples)).toMatchObject({ skewMs: 2 * HOUR - 500 + 1, hosts: 3, outliers: 0 });
  });
});

describe('addClockSample', () => {
  test('adds a new host at the end (oldest first)', () => {
    const result = addClockSample([at('a', 0, T0)], at('b', 0, T0 + 1), 10);
    expect(result.map((s) => s.host)).toEqual(['a', 'b']);
  });

  test('a newer sample replaces the host’s older one', () => {
    const result = addClockSample([at('a', DAY, T0), at('b', 0, T0 + 5)], at('a', 0, T0 + 10), 10);
    expect(result).toEqual([at('b', 0, T0 + 5), at('a', 0, T0 + 10)]);
  });

  test('an older sample arriving late does not replace a newer one', () => {
    const result = addClockSample([at('a', 0, T0 + 10)], at('a', DAY, T0), 10);
    expect(result).toEqual([at('a', 0, T0 + 10)]);
  });

  test('at most `limit` hosts: the hosts seen longest ago are dropped', () => {
    const stored = [at('a', 0, T0 + 3), at('b', 0, T0 + 1), at('c', 0, T0 + 2)];
    const result = addClockSample(stored, at('d', 0, T0 + 4), 3);
    expect(result.map((s) => s.host)).toEqual(['c', 'a', 'd']);
  });

  test('a host seen again moves to the newest end and is not dropped', () => {
    const stored = [at('a', 0, T0 + 1), at('b', 0, T0 + 2)];
    expect(addClockSample(stored, at('a', 0, T0 + 3), 2).map((s) => s.host)).toEqual(['b', 'a']);
  });

  test('duplicate hosts and corrupt entries in stored data are cleaned up', () => {
    const stored = [at('a', 0, T0), at('a', 0, T0 + 1), { host: 'x', serverTime: Number.NaN, localTime: T0 }];
    expect(addClockSample(stored, at('b', 0, T0 + 2), 10)).toEqual([at('a', 0, T0 + 1), at('b', 0, T0 + 2)]);
  });

  test.each([[0], [-1], [Number.NaN]])('limit %p keeps nothing', (limit) => {
    expect(addClockSample([at('a', 0, T0)], at('b', 0, T0 + 1), limit)).toEqual([]);
  });

  test('the stored array is not changed', () => {
    const stored = [at('a', 0, T0)];
    const copy = structuredClone(stored);
    addClockSample(stored, at('a', 5, T0 + 1), 1);
    expect(stored).toEqual(copy);
  });
});

describe('the host a clock sample is kept under', () => {
  test("a private window's sites are never named: all count as one host", () => {
    expect(clockHostOf('bank.example', true)).toBe(PRIVATE_WINDOW_HOST);
    expect(clockHostOf('news.example', true)).toBe(PRIVATE_WINDOW_HOST);
    expect(clockHostOf('bank.example', false)).toBe('bank.example');
    expect(clockHostOf(null, true)).toBeNull();
  });
});
