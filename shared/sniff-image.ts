export type ImageMediaType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';

export interface ImageFacts {
  mediaType: ImageMediaType;
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Reads the format (from magic numbers, never from a declared media type) and the pixel size from
 * the first bytes of a PNG, JPEG, GIF or WebP file. Returns undefined when the bytes are none of
 * these (or too damaged to read a size from). The one reader of image headers: the engine checks
 * images with it before a call, and the simulator answers from the same facts. Browser-safe.
 */
export function sniffImage(bytes: Uint8Array): ImageFacts | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (start: number, length: number): string => String.fromCharCode(...bytes.subarray(start, start + length));
  if (bytes.length >= 24 && PNG_SIGNATURE.every((byte, at) => bytes[at] === byte) && ascii(12, 4) === 'IHDR') {
    return { mediaType: 'image/png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length >= 10 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) {
    return { mediaType: 'image/gif', width: view.getUint16(6, true), height: view.getUint16(8, true) };
  }
  if (bytes.length >= 30 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') return sniffWebp(bytes, view, ascii(12, 4));
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return sniffJpeg(bytes, view);
  return undefined;
}

function sniffWebp(bytes: Uint8Array, view: DataView, chunk: string): ImageFacts | undefined {
  if (chunk === 'VP8 ') return { mediaType: 'image/webp', width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  // Lossless: a 0x2f signature byte, then 14-bit width-1 and height-1.
  if (chunk === 'VP8L' && bytes[20] === 0x2f) {
    const [b0, b1, b2, b3] = [bytes[21] ?? 0, bytes[22] ?? 0, bytes[23] ?? 0, bytes[24] ?? 0];
    return { mediaType: 'image/webp', width: 1 + (((b1 & 0x3f) << 8) | b0), height: 1 + (((b3 & 0x0f) << 10) | (b2 << 2) | ((b1 & 0xc0) >> 6)) };
  }
  if (chunk === 'VP8X') {
    const le24 = (at: number): number => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16);
    return { mediaType: 'image/webp', width: 1 + le24(24), height: 1 + le24(27) };
  }
  return undefined;
}

/** Walks JPEG segments to the first start-of-frame marker, which holds the size. */
function sniffJpeg(bytes: Uint8Array, view: DataView): ImageFacts | undefined {
  let offset = 2;
  while (offset + 9 <= bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] as number;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    // C4 (DHT), C8 (JPG) and CC (DAC) share the start-of-frame range but carry no size.
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) return { mediaType: 'image/jpeg', height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    offset += 2 + view.getUint16(offset + 2);
  }
  return undefined;
}
