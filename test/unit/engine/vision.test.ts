import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VisionImage } from '../../../shared/node-configs';
import { collect, terminal } from './helpers/collect';
import { createFakeClaude } from './helpers/fake-claude';
import { inputNode, outputNode, workflow } from './helpers/workflow-builder';

function png(width: number, height: number): Buffer {
  const bytes = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(bytes);
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return bytes;
}

const root = mkdtempSync(join(tmpdir(), 'trellis-vision-'));
writeFileSync(join(root, 'small.png'), png(10, 20));
writeFileSync(join(root, 'huge.png'), png(9000, 20));

async function runVision(images: VisionImage[], input: Record<string, unknown> = {}) {
  const flow = workflow([inputNode, { id: 'look', type: 'vision', config: { messages: [{ role: 'user', content: 'Describe' }], images } }, outputNode('out', '{{look.text}}')], ['input->look', 'look->out']);
  const { claude, requests } = createFakeClaude(() => ({ content: [{ type: 'text', text: 'An image.' }] }));
  const events = await collect(flow, input as never, { claude, filesRoot: root });
  return { events, requests };
}

describe('vision images', () => {
  it('sends file, base64 and template images as base64 blocks before the text', async () => {
    const data = png(4, 4).toString('base64');
    const { events, requests } = await runVision([{ source: 'file', path: 'small.png' }, { source: 'base64', media_type: 'image/png', data }, { source: 'template', value: '{{input.shot}}' }], { shot: { media_type: 'image/png', data } });
    expect(terminal(events).type).toBe('run.completed');
    const content = (requests[0]?.body.messages as { content: { type: string; source?: { media_type: string } }[] }[])[0]?.content ?? [];
    expect(content.map((b) => b.type)).toEqual(['image', 'image', 'image', 'text']);
    expect(content[0]?.source?.media_type).toBe('image/png');
  });

  it.each([
    ['an oversized image', { source: 'file', path: 'huge.png' }, '9000×20 px'],
    ['a mismatched media type', { source: 'base64', media_type: 'image/jpeg', data: png(4, 4).toString('base64') }, 'declared image/jpeg but the bytes are image/png'],
    ['bytes that are not an image', { source: 'base64', media_type: 'image/png', data: Buffer.from('hello world').toString('base64') }, 'not a JPEG, PNG, GIF or WebP'],
  ] as [string, VisionImage, string][])('refuses %s before any Claude call', async (_label, image, message) => {
    const { events, requests } = await runVision([image]);
    expect(requests).toHaveLength(0);
    expect(terminal(events)).toMatchObject({ type: 'run.failed', data: { nodeId: 'look', error: { type: 'invalid_image', message: expect.stringContaining(message) } } });
  });

  // Also caught by the shared validator; the engine refuses them whatever the caller did.
  it.each([
    ['an absolute path', [{ source: 'file', path: '/etc/passwd' }]],
    ['a .. path', [{ source: 'file', path: '../secret.png' }]],
    ['more than 20 images', Array.from({ length: 21 }, () => ({ source: 'file', path: 'small.png' }))],
  ] as [string, VisionImage[]][])('refuses %s before any Claude call', async (_label, images) => {
    const { events, requests } = await runVision(images);
    expect(requests).toHaveLength(0);
    expect(terminal(events)).toMatchObject({ type: 'run.failed', data: { error: { type: expect.stringMatching(/^(validation_error|invalid_image)$/) } } });
  });
});
