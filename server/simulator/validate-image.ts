import { ApiError, invalid } from './api-error';
import { readImageInfo, type ImageInfo } from './image-info';
import { isObject } from './is-object';

const MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export interface CheckedImage {
  path: string;
  info: ImageInfo;
  oversized: 'downsize' | 'error' | undefined;
}

/** Validates an image block's source and reads its real header. Size limits that depend on the image count are checked later. */
export function validateImage(block: Record<string, unknown>, path: string): CheckedImage {
  const source = block.source;
  if (!isObject(source)) throw invalid(`${path}.source`, 'Field required');
  if (source.type === 'url') {
    throw invalid(`${path}.source.url`, 'the offline simulator never fetches URLs; send the image as base64 (Trellis fetches url images server-side)');
  }
  if (source.type === 'file') throw invalid(`${path}.source.file_id`, 'the offline simulator has no Files API; send the image as base64');
  if (source.type !== 'base64') throw invalid(`${path}.source.type`, "Input should be 'base64', 'url' or 'file'");
  if (typeof source.media_type !== 'string' || !MEDIA_TYPES.includes(source.media_type)) {
    throw invalid(`${path}.source.media_type`, `Input should be ${MEDIA_TYPES.map((t) => `'${t}'`).join(', ')}`);
  }
  if (typeof source.data !== 'string' || !BASE64.test(source.data)) throw invalid(`${path}.source.data`, 'Input should be valid base64');
  // The API measures the 5 MB limit on the base64 string as sent, not on the decoded bytes: its
  // error reports base64 sizes (issue 11; docs/simulator.md).
  if (source.data.length > MAX_IMAGE_BYTES) {
    throw invalid(`${path}.source.base64`, `image exceeds 5 MB maximum: ${source.data.length} bytes > ${MAX_IMAGE_BYTES} bytes`);
  }
  const bytes = Buffer.from(source.data, 'base64');
  const info = readImageInfo(bytes);
  if (!info) throw invalid(`${path}.source.base64.data`, 'The image data is not a valid PNG, JPEG, GIF or WebP image');
  if (info.mediaType !== source.media_type) {
    throw invalid(`${path}.source.base64.data`, `Image does not match the provided media type ${source.media_type} (the bytes are ${info.mediaType})`);
  }
  const transformation = isObject(block.transformations) ? block.transformations.oversized_image : undefined;
  if (transformation !== undefined && transformation !== 'downsize' && transformation !== 'error') {
    throw invalid(`${path}.transformations.oversized_image`, "Input should be 'downsize' or 'error'");
  }
  return { path, info, oversized: transformation };
}

/** Per-request image limits: count, and the side length (8000 px, 2000 px when more than 20 images). */
export function validateImageSet(images: CheckedImage[], maxImages: number): void {
  if (images.length > maxImages) {
    throw invalid(images[maxImages]?.path ?? 'messages', `Too many images: ${images.length} > ${maxImages} maximum images per request`);
  }
  const maxSide = images.length > 20 ? 2000 : 8000;
  for (const image of images) {
    const { width, height } = image.info;
    if (width <= maxSide && height <= maxSide) continue;
    const message = `${image.path}.source.base64.data: image dimensions exceed max allowed size: ${width}x${height} pixels > ${maxSide} pixels per side${images.length > 20 ? ' (requests with more than 20 images)' : ''}`;
    const error = new ApiError(400, 'invalid_request_error', message);
    error.details = { error_code: 'image_dimensions_too_large', max_side_length_pixels: maxSide, paths: [image.path] };
    throw error;
  }
}
