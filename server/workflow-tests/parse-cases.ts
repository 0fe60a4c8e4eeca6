import { Ajv2020 } from 'ajv/dist/2020';
import { validateRunInput } from '../../shared/validate-workflow';
import type { Workflow } from '../../shared/workflow-types';
import { assertionRegex } from './assertion-regex';
import { CasesFileError, type CasesIssue } from './cases-file-error';
import { compileSchema } from './compile-schema';
import { splitPath } from './split-path';
import type { TestCase } from './test-case';

const MAX_CASES = 1_000;

const LINE_SCHEMA = {
  type: 'object',
  required: ['name', 'input', 'expect'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    input: { type: 'object' },
    expect: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['path'],
        anyOf: [{ required: ['equals'] }, { required: ['contains'] }, { required: ['regex'] }, { required: ['schema'] }],
        additionalProperties: false,
        properties: {
          path: { type: 'string', minLength: 1 },
          equals: {},
          contains: {},
          regex: { type: 'string' },
          flags: { type: 'string' },
          schema: { type: ['object', 'boolean'] },
        },
      },
    },
  },
};

const validateLine = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(LINE_SCHEMA);

/**
 * Parses a JSON-lines cases file (blank lines ignored) and checks everything that can be checked
 * before running: shape, unique names, path syntax, regexes, schemas, and each input against the
 * workflow's `inputs` schema. Throws CasesFileError listing every problem, so one fix-up pass is enough.
 */
export function parseCases(text: string, source: string, workflow: Workflow): TestCase[] {
  const issues: CasesIssue[] = [];
  const cases: TestCase[] = [];
  const names = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      issues.push({ line, path: '', message: `not valid JSON: ${(error as Error).message}` });
      return;
    }
    if (!validateLine(value)) {
      for (const error of validateLine.errors ?? []) {
        if (error.keyword === 'anyOf') issues.push({ line, path: error.instancePath, message: 'an assertion needs at least one of equals, contains, regex, schema' });
        else if (error.keyword !== 'required' || !/\/expect\/\d+$/.test(error.instancePath) || error.params.missingProperty === 'path') issues.push({ line, path: error.instancePath || '/', message: `${error.message ?? 'invalid'}${error.keyword === 'additionalProperties' ? ` (${String(error.params.additionalProperty)})` : ''}` });
      }
      return;
    }
    const testCase = { ...(value as Omit<TestCase, 'line'>), line };
    const seen = names.get(testCase.name);
    if (seen !== undefined) issues.push({ line, path: '/name', message: `duplicate case name "${testCase.name}" (first on line ${seen})` });
    names.set(testCase.name, line);
    testCase.expect.forEach((assertion, at) => {
      const path = `/expect/${at}`;
      if (!splitPath(assertion.path)) issues.push({ line, path: `${path}/path`, message: `"${assertion.path}" is not a path like outputs.<id>.field, nodes.<id>.text or items[0]` });
      if (assertion.flags !== undefined && assertion.regex === undefined) issues.push({ line, path: `${path}/flags`, message: 'flags only apply with regex' });
      if (assertion.regex !== undefined) {
        try {
          assertionRegex(assertion.regex, assertion.flags);
        } catch (error) {
          issues.push({ line, path: `${path}/regex`, message: (error as Error).message });
        }
      }
      if (assertion.schema !== undefined) {
        try {
          compileSchema(assertion.schema);
        } catch (error) {
          issues.push({ line, path: `${path}/schema`, message: `invalid JSON Schema: ${(error as Error).message}` });
        }
      }
    });
    for (const issue of validateRunInput(workflow, testCase.input)) issues.push({ line, path: `/input${issue.path}`, message: issue.message });
    cases.push(testCase);
  });
  if (cases.length === 0 && issues.length === 0) issues.push({ line: 0, path: '', message: 'no cases: expected one JSON object per line' });
  if (cases.length > MAX_CASES) issues.push({ line: 0, path: '', message: `${cases.length} cases; the limit is ${MAX_CASES}` });
  if (issues.length > 0) throw new CasesFileError(source, issues);
  return cases;
}
