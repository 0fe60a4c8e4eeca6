import type { ImageBlockParam } from '@anthropic-ai/sdk/resources/messages/messages';
import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { VisionImage } from '../../../shared/node-configs';
import type { NodeContext } from '../node-runner';
import { NodeError } from '../node-error';
import { renderStrict, resolveStrict } from '../render-strict';
import { sniffImage, type ImageMediaType } from '../../../shared/sniff-image';

export const MAX_IMAGES = 20;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGE_SIDE = 8000;
const MEDIA_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

/**
 * Resolves every image of a vision node to a base64 block, checking count, size, format (sniffed
 * from the bytes, compared with the declared type) and pixel size before any Claude call.
 */
export async function loadVisionImages(ctx: NodeContext<'vision'>): Promise<ImageBlockParam[]> {
  const images = ctx.node.config.images;
  if (images.length > MAX_IMAGES) throw NodeError.config(`${ctx.node.id}.config.images: ${images.length} images; at most ${MAX_IMAGES} per node`);
  const blocks: ImageBlockParam[] = [];
  for (const [index, image] of images.entries()) {
    const where = `${ctx.node.id}.config.images.${index}`;
    const { bytes, declared } = await loadBytes(ctx, image, where);
    blocks.push(toBlock(bytes, declared, where));
  }
  return blocks;
}

interface LoadedImage {
  bytes: Uint8Array;
  declared?: string;
}

async function loadBytes(ctx: NodeContext<'vision'>, image: VisionImage, where: string): Promise<LoadedImage> {
  switch (image.source) {
    case 'base64':
      return { bytes: decodeBase64(renderStrict(image.data, ctx.scope, `${where}.data`), `${where}.data`), declared: image.media_type };
    case 'template': {
      const value = resolveStrict(image.value, ctx.scope, `${where}.value`) as { media_type?: unknown; data?: unknown } | null;
      if (value === null || typeof value !== 'object' || typeof value.media_type !== 'string' || typeof value.data !== 'string') {
        throw invalid(`${where}.value must resolve to {media_type, data} with base64 data`);
      }
      return { bytes: decodeBase64(value.data, `${where}.value.data`), declared: value.media_type };
    }
    case 'url':
      return fetchImage(ctx, renderStrict(image.url, ctx.scope, `${where}.url`), where);
    case 'file':
      return { bytes: await readImageFile(ctx.deps.filesRoot, image.path, where) };
  }
}

async function fetchImage(ctx: NodeContext<'vision'>, url: string, where: string): Promise<LoadedImage> {
  if (!ctx.deps.fetch) throw invalid(`${where}.url: image URLs are not available (the server has no outbound fetch configured)`);
  // An image URL renders from the same scope as prompts, secrets and upstream answers included.
  try {
    ctx.deps.checkSecretDestination?.({ kind: 'http', url }, [url]);
  } catch (error) {
    throw new NodeError({ type: 'secret_destination', message: `${where}.url: ${(error as Error).message}` });
  }
  let response: Response;
  try {
    response = await ctx.deps.fetch(url, { signal: ctx.signal, maxBytes: MAX_IMAGE_BYTES, timeoutMs: 20_000 });
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    const traceType = (error as { type?: unknown }).type;
    throw new NodeError({ type: typeof traceType === 'string' ? traceType : 'fetch_error', message: `${where}.url: could not fetch the image: ${(error as Error).message}` }, { retryable: traceType !== 'ssrf_blocked' && traceType !== 'too_large' });
  }
  if (!response.ok) throw new NodeError({ type: 'fetch_error', message: `${where}.url: the image server answered HTTP ${response.status}` }, { retryable: response.status >= 500 });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const contentType = response.headers.get('content-type')?.split(';')[0]?.trim();
  return contentType && MEDIA_TYPES.includes(contentType) ? { bytes, declared: contentType } : { bytes };
}

async function readImageFile(root: string | undefined, path: string, where: string): Promise<Uint8Array> {
  if (!root) throw invalid(`${where}.path: file images are not available (no files root configured)`);
  if (isAbsolute(path) || path.split(/[\\/]/).includes('..')) throw invalid(`${where}.path: "${path}" must be relative to the files root, without ".."`);
  let rootReal: string;
  try {
    rootReal = await realpath(root);
  } catch {
    throw invalid(`${where}.path: the files root ${root} does not exist`);
  }
  let full: string;
  try {
    full = await realpath(resolve(rootReal, path));
  } catch {
    // Name the folder searched: the usual mistake is running an exported workflow from elsewhere.
    throw invalid(`${where}.path: no file "${path}" under the files root ${rootReal}`);
  }
  const inside = relative(rootReal, full);
  if (inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) throw invalid(`${where}.path: "${path}" leads outside the files root`);
  const info = await stat(full);
  if (!info.isFile()) throw invalid(`${where}.path: "${path}" is not a file`);
  if (info.size > MAX_IMAGE_BYTES) throw invalid(`${where}: image is ${info.size} bytes; the limit is ${MAX_IMAGE_BYTES} bytes (5 MB)`);
  return new Uint8Array(await readFile(full));
}

function toBlock(bytes: Uint8Array, declared: string | undefined, where: string): ImageBlockParam {
  if (bytes.length > MAX_IMAGE_BYTES) throw invalid(`${where}: image is ${bytes.length} bytes; the limit is ${MAX_IMAGE_BYTES} bytes (5 MB)`);
  const facts = sniffImage(bytes);
  if (!facts) throw invalid(`${where}: the data is not a JPEG, PNG, GIF or WebP image`);
  if (declared !== undefined && declared !== facts.mediaType) throw invalid(`${where}: declared ${declared} but the bytes are ${facts.mediaType}`);
  if (facts.width > MAX_IMAGE_SIDE || facts.height > MAX_IMAGE_SIDE) {
    throw invalid(`${where}: image is ${facts.width}×${facts.height} px; each side must be at most ${MAX_IMAGE_SIDE} px`);
  }
  return { type: 'image', source: { type: 'base64', media_type: facts.mediaType as ImageMediaType, data: Buffer.from(bytes).toString('base64') } };
}

function decodeBase64(text: string, where: string): Uint8Array {
  const compact = text.replace(/\s+/g, '').replace(/^data:[^;]+;base64,/, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) throw invalid(`${where}: not valid base64`);
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

function invalid(message: string): NodeError {
  return new NodeError({ type: 'invalid_image', message });
}
