import { describe, expect, it } from 'vitest';
import { readDatasetFile } from '../../../client/src/dataset/read-dataset-file';
import { readDataset } from '../../../server/batch/read-dataset';
import { JsonLineError, parseJsonLines } from '../../../shared/dataset/parse-json-lines';

describe('parseJsonLines', () => {
  it('reads one object per line, skipping blank lines and CRLF endings', () => {
    expect(parseJsonLines('{"a":1}\r\n\n  \n{"b":"x"}\n')).toEqual([{ a: 1 }, { b: 'x' }]);
  });

  it('names the line of invalid JSON', () => {
    const error = captureError(() => parseJsonLines('{"a":1}\n{oops'));
    expect(error).toBeInstanceOf(JsonLineError);
    expect(error).toMatchObject({ line: 2 });
    expect((error as JsonLineError).problem).toMatch(/^not valid JSON \(/);
  });

  it.each(['[1,2]', '"text"', '42', 'null'])('refuses %s as a row: each line must be an object', (line) => {
    expect(captureError(() => parseJsonLines(`{"a":1}\n\n${line}`))).toMatchObject({ line: 3, problem: 'each line must be a JSON object of input fields' });
  });
});

describe('the browser and the server word a bad line their own way', () => {
  it('the Dataset view names the file and ends with a full stop', () => {
    expect(() => readDatasetFile('rows.jsonl', '{"a":1}\n[2]')).toThrow('"rows.jsonl" line 2: each line must be a JSON object of input fields.');
  });

  it('the server and CLI name the dataset line', () => {
    expect(() => readDataset('{"a":1}\n[2]', 'jsonl')).toThrow(/^dataset line 2: each line must be a JSON object of input fields$/);
  });

  it('both read the same rows from the same text', () => {
    const text = '{"q":"one"}\n\n{"q":"two","n":2}\n';
    expect(readDatasetFile('rows.ndjson', text)).toEqual({ rows: readDataset(text, 'jsonl') });
  });
});

function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
