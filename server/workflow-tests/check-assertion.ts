import { isDeepStrictEqual } from 'node:util';
import type { Json } from '../../shared/json-schema';
import { assertionRegex, MAX_REGEX_SUBJECT_CHARS } from './assertion-regex';
import { compileSchema } from './compile-schema';
import { lookupPath } from './lookup-path';
import { MATCHERS, type Assertion, type MatcherResult, type RunView } from './test-case';

/** One result per matcher the assertion gives, in the order equals, contains, regex, schema. */
export function checkAssertion(view: RunView, assertion: Assertion): MatcherResult[] {
  const lookup = lookupPath(view, assertion.path);
  const results: MatcherResult[] = [];
  for (const matcher of MATCHERS) {
    const expected = assertion[matcher];
    if (expected === undefined) continue;
    const base = { path: assertion.path, matcher, expected: matcher === 'regex' && assertion.flags ? `/${String(expected)}/${assertion.flags}` : (expected as Json) };
    if (!lookup.found) {
      results.push({ ...base, actual: undefined, passed: false, message: lookup.reason });
      continue;
    }
    const actual = lookup.value;
    const message = failure(matcher, assertion, actual);
    results.push(message === undefined ? { ...base, actual, passed: true } : { ...base, actual, passed: false, message });
  }
  return results;
}

/** Why the matcher fails on `actual`, or undefined when it holds. */
function failure(matcher: (typeof MATCHERS)[number], assertion: Assertion, actual: Json): string | undefined {
  switch (matcher) {
    case 'equals':
      return isDeepStrictEqual(actual, assertion.equals) ? undefined : 'not equal';
    case 'contains': {
      const expected = assertion.contains as Json;
      if (typeof actual === 'string') {
        if (typeof expected !== 'string') return 'contains on a string needs a string';
        return actual.includes(expected) ? undefined : 'substring not found';
      }
      if (Array.isArray(actual)) return actual.some((item) => isDeepStrictEqual(item, expected)) ? undefined : 'no equal element';
      return `contains applies to strings and arrays, found ${actual === null ? 'null' : typeof actual}`;
    }
    case 'regex': {
      const subject = (typeof actual === 'string' ? actual : JSON.stringify(actual)).slice(0, MAX_REGEX_SUBJECT_CHARS);
      return assertionRegex(assertion.regex as string, assertion.flags).test(subject) ? undefined : 'no match';
    }
    case 'schema': {
      const validate = compileSchema(assertion.schema as NonNullable<Assertion['schema']>);
      if (validate(actual)) return undefined;
      return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`).join('; ');
    }
  }
}
