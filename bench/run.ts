/**
 * `npm run bench [-- name…]`: runs every benchmark (or the named ones) one after another,
 * prints a table and writes bench/results/<name>.json with the machine and raw sample summaries.
 */
import { fileURLToPath } from 'node:url';
import { ALL_BENCHMARKS } from './benchmarks';
import { formatTable } from './lib/format-table';
import { machineInfo } from './lib/machine-info';
import { writeResult, type StoredResult } from './lib/write-result';

const resultsDir = fileURLToPath(new URL('./results', import.meta.url));
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !ALL_BENCHMARKS.some((benchmark) => benchmark.name === name));
if (unknown.length > 0) {
  process.stderr.write(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${ALL_BENCHMARKS.map((benchmark) => benchmark.name).join(', ')}\n`);
  process.exit(2);
}
const selected = wanted.length > 0 ? ALL_BENCHMARKS.filter((benchmark) => wanted.includes(benchmark.name)) : ALL_BENCHMARKS;
const machine = machineInfo();
process.stderr.write(`Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryMb} MB, Node ${machine.node}\n`);

const results: StoredResult[] = [];
let failed = false;
for (const benchmark of selected) {
  process.stderr.write(`▶ ${benchmark.name}: ${benchmark.description}\n`);
  try {
    const outcome = await benchmark.run();
    const result = writeResult(resultsDir, benchmark, outcome, machine);
    results.push(result);
    process.stderr.write(`${formatTable([result])}\n\n`);
  } catch (error) {
    failed = true;
    process.stderr.write(`✗ ${benchmark.name} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n\n`);
  }
}
process.stdout.write(`${formatTable(results)}\n`);
process.exitCode = failed ? 1 : 0;
