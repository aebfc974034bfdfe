// The `cert-doctor` dispatcher: known commands run, anything else is a usage error (exit 2) that
// shows a stranger's argument escaped, never raw.

import { COMMANDS, main } from '../../src/cli/cert-doctor';

function captured(): { out: string[]; err: string[]; restore: () => void } {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err.push(String(chunk));
    return true;
  });
  return {
    out,
    err,
    restore: () => {
      stdout.mockRestore();
      stderr.mockRestore();
    },
  };
}

test('check is a command; help exits 0; no command or an unknown one exits 2', async () => {
  expect(Object.keys(COMMANDS)).toContain('check');
  const io = captured();
  try {
    const codes = [
      await main(['--help']),
      await main([]),
      await main(['nope\u001b[2J']),
      await main(['check', '--help']),
      await main(['check']),
    ];
    expect(codes).toEqual([0, 2, 2, 0, 2]);
    expect(io.err.join('')).toContain('unknown command "nope\\u001b[2J"');
    expect(io.err.join('').includes('\u001b')).toBe(false);
  } finally {
    io.restore();
  }
});
