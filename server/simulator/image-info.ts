import { sniffImage } from '../../shared/sniff-image';

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp';

export interface ImageInfo {
  format: ImageFormat;
  mediaType: `image/${ImageFormat}`;
  width: number;
  height: number;
}

/**
 * What the simulator knows of an image it was sent: the real file header's format and size, read
 * by the same sniffer the engine checks images with, so both agree on every image.
 */
export function readImageInfo(bytes: Uint8Array): ImageInfo | undefined {
  const facts = sniffImage(bytes);
  if (!facts) return undefined;
  return { format: facts.mediaType.slice('image/'.length) as ImageFormat, mediaType: facts.mediaType, width: facts.width, height: facts.height };
}
