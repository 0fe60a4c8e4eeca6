import { describe, expect, it } from 'vitest';
import { sniffImage } from '../../../shared/sniff-image';

function png(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return bytes;
}

function gif(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(13);
  bytes.set([...'GIF89a'].map((c) => c.charCodeAt(0)));
  new DataView(bytes.buffer).setUint16(6, width, true);
  new DataView(bytes.buffer).setUint16(8, height, true);
  return bytes;
}

function jpeg(width: number, height: number): Uint8Array {
  // SOI, an APP0 segment of length 16, then SOF0 with the size.
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...new Array<number>(14).fill(0)];
  const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof]);
}

function webpVp8x(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(30);
  bytes.set([...'RIFF'].map((c) => c.charCodeAt(0)), 0);
  bytes.set([...'WEBPVP8X'].map((c) => c.charCodeAt(0)), 8);
  const w = width - 1;
  const h = height - 1;
  bytes.set([w & 0xff, (w >> 8) & 0xff, (w >> 16) & 0xff, h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff], 24);
  return bytes;
}

describe('sniffImage', () => {
  it('reads format and size from PNG, GIF, JPEG and WebP headers', () => {
    expect(sniffImage(png(640, 480))).toEqual({ mediaType: 'image/png', width: 640, height: 480 });
    expect(sniffImage(gif(32, 16))).toEqual({ mediaType: 'image/gif', width: 32, height: 16 });
    expect(sniffImage(jpeg(1920, 1080))).toEqual({ mediaType: 'image/jpeg', width: 1920, height: 1080 });
    expect(sniffImage(webpVp8x(9000, 10))).toEqual({ mediaType: 'image/webp', width: 9000, height: 10 });
  });

  it('returns undefined for bytes that are not an image', () => {
    expect(sniffImage(new TextEncoder().encode('<html>not an image</html>'))).toBeUndefined();
  });
});
