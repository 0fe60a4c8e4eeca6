import { describe, expect, it } from 'vitest';
import { readImageInfo } from '../../../server/simulator/image-info';
import { gif, jpeg, png } from '../../integration/simulator/helpers';

const bytes = (base64: string) => Buffer.from(base64, 'base64');

function webpLossy(width: number, height: number): Buffer {
  const buffer = Buffer.alloc(30);
  buffer.write('RIFF', 0, 'latin1');
  buffer.writeUInt32LE(22, 4);
  buffer.write('WEBPVP8 ', 8, 'latin1');
  buffer.writeUInt16LE(width, 26);
  buffer.writeUInt16LE(height, 28);
  return buffer;
}

function webpExtended(width: number, height: number): Buffer {
  const buffer = Buffer.alloc(30);
  buffer.write('RIFF', 0, 'latin1');
  buffer.write('WEBPVP8X', 8, 'latin1');
  buffer.writeUIntLE(width - 1, 24, 3);
  buffer.writeUIntLE(height - 1, 27, 3);
  return buffer;
}

describe('readImageInfo', () => {
  it.each([
    ['png', bytes(png(640, 480)), 640, 480],
    ['jpeg', bytes(jpeg(1024, 768)), 1024, 768],
    ['gif', bytes(gif(32, 16)), 32, 16],
    ['webp', webpLossy(300, 200), 300, 200],
    ['webp', webpExtended(9000, 12), 9000, 12],
  ])('reads %s dimensions from the header', (format, data, width, height) => {
    expect(readImageInfo(data)).toEqual({ format, mediaType: `image/${format}`, width, height });
  });

  it('rejects bytes that are no known image', () => {
    expect(readImageInfo(Buffer.from('not an image at all, just text'))).toBeUndefined();
    expect(readImageInfo(Buffer.alloc(0))).toBeUndefined();
  });
});
