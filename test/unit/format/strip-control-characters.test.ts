import { describe, expect, it } from 'vitest';
import { stripControlCharacters } from '../../../shared/strip-control-characters';

describe('stripControlCharacters', () => {
  it('removes CSI, OSC (with payload), DCS, C1 and bidi controls, keeping text, tabs, newlines and CRLF', () => {
    expect(stripControlCharacters('a\u001b[2Jb\u001b]0;title\u0007c\u001bP1$r\u001b\\d\u009b31me\u009d8;;x\u009cf\u202eg\th\r\ni\rj\u0000k\u007f')).toBe('abcdef' + 'g\th\r\nijk');
  });

  it('drops only the introducer of an unterminated string command, so it cannot swallow the rest of the line', () => {
    expect(stripControlCharacters('x\u001b]0;not terminated')).toBe('x0;not terminated');
  });
});
