import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cassette } from '../../../server/replay';
import { runTrellis } from '../../helpers/run-trellis';

const WORKFLOW = 'workflows/weather-agent.json';

describe('trellis run --record / --replay', { timeout: 60_000 }, () => {
  it('replays a recorded run with no simulator and prints the same outputs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trellis-wiring-'));
    const cassette = join(dir, 'weather.cassette.json');

    const recorded = await runTrellis(['run', WORKFLOW, '--sample', 'paris', '--record', cassette]);
    expect(recorded.code, recorded.stderr).toBe(0);
    expect(recorded.stderr).toContain(`into cassette ${cassette}`);
    // The tool loop makes at least two Claude calls, all of them recorded.
    const saved = JSON.parse(readFileSync(cassette, 'utf8')) as Cassette;
    expect(saved.exchanges.length).toBeGreaterThanOrEqual(2);

    const replayed = await runTrellis(['run', WORKFLOW, '--sample', 'paris', '--replay', cassette]);
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stderr).toContain(`replaying cassette ${cassette}`);
    expect(replayed.stderr).not.toContain('simulator');
    expect(replayed.stdout).toBe(recorded.stdout);
    expect(Object.keys(JSON.parse(replayed.stdout) as object)).toEqual(['answer']);
  });

  it('an edited workflow does not fit the cassette: exit 1 naming the first difference', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trellis-wiring-'));
    const cassette = join(dir, 'weather.cassette.json');
    const recorded = await runTrellis(['run', WORKFLOW, '--sample', 'paris', '--record', cassette]);
    expect(recorded.code, recorded.stderr).toBe(0);

    const edited = JSON.parse(readFileSync(WORKFLOW, 'utf8')) as { nodes: { id: string; config: { system?: { text: string } } }[] };
    const agent = edited.nodes.find((node) => node.id === 'agent');
    if (!agent?.config.system) throw new Error('weather-agent has no agent system prompt to edit');
    agent.config.system = { text: 'You are a terse travel assistant. Always check the weather with the get_weather tool before answering.' };
    const editedFile = join(dir, 'weather-edited.json');
    writeFileSync(editedFile, JSON.stringify(edited));

    const replayed = await runTrellis(['run', editedFile, '--sample', 'paris', '--replay', cassette]);
    expect(replayed.code).toBe(1);
    expect(replayed.stdout).toBe('');
    expect(replayed.stderr).toContain('agent          failed (cassette_mismatch): No recorded exchange matches POST /v1/messages');
    expect(replayed.stderr).toContain('It differs first at request.body.system');
    expect(replayed.stderr).toContain('record it again');
  });

  it('a missing cassette or both flags are refused before anything runs (exit 2)', async () => {
    const missing = await runTrellis(['run', WORKFLOW, '--sample', 'paris', '--replay', join(tmpdir(), 'no-such-cassette.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read cassette');
    expect(missing.stderr).not.toContain('▶ run');

    const both = await runTrellis(['run', WORKFLOW, '--record', 'a.json', '--replay', 'b.json']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('use either --record or --replay, not both');
  });
});
