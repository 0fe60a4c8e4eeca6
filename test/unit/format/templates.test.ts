import { describe, expect, it } from 'vitest';
import { parseTemplate, renderTemplate, resolveTemplateValue, templateReferences } from '../../../shared/templates';

const scope = {
  input: { ticket: 'I want a refund', tags: ['billing', 'urgent'] },
  extract: { json: { title: 'Engineer', items: [{ name: 'first' }] }, text: 'done' },
  secrets: { KEY: 'sk-test' },
};

describe('templates', () => {
  it('parses references with roots, paths and offsets, and keeps text around them', () => {
    expect(parseTemplate('Hi {{ input.ticket }}!')).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'ref', ref: { root: 'input', path: ['ticket'], raw: '{{ input.ticket }}', start: 3 } },
      { kind: 'text', text: '!' },
    ]);
    expect(templateReferences('{{extract.json.items.0.name}} {{route.route}}').map((ref) => [ref.root, ...ref.path])).toEqual([
      ['extract', 'json', 'items', '0', 'name'],
      ['route', 'route'],
    ]);
  });

  it('renders values: strings as is, objects as pretty JSON, missing as empty', () => {
    expect(renderTemplate('{{input.ticket}} / {{extract.json.items.0.name}}', scope)).toBe('I want a refund / first');
    expect(renderTemplate('{{input.tags}}', scope)).toBe('[\n  "billing",\n  "urgent"\n]');
    const missing: string[] = [];
    expect(renderTemplate('[{{input.nope}}]', scope, { onMissing: (ref) => missing.push(ref.raw) })).toBe('[]');
    expect(missing).toEqual(['{{input.nope}}']);
  });

  it('keeps a single reference as its value', () => {
    expect(resolveTemplateValue(' {{extract.json}} ', scope)).toEqual(scope.extract.json);
    expect(resolveTemplateValue('x {{extract.text}}', scope)).toBe('x done');
  });

  it('never walks into prototypes', () => {
    expect(renderTemplate('{{__proto__.x}}|{{input.__proto__}}|{{input.constructor}}|{{input.ticket.constructor}}', scope)).toBe('|||');
    expect(resolveTemplateValue('{{input.constructor.name}}', scope)).toBeUndefined();
    expect(resolveTemplateValue('{{input.ticket.length}}', scope)).toBeUndefined();
  });

  it('leaves expressions and calls as literal text: nothing is evaluated', () => {
    for (const hostile of ['{{ a + b }}', "{{constructor.constructor('return process')()}}", '{{input.ticket()}}', '{{input["ticket"]}}', '{{`x`}}', '{{ }}']) {
      expect(templateReferences(hostile)).toEqual([]);
      expect(renderTemplate(hostile, scope)).toBe(hostile);
    }
    expect(renderTemplate('{{constructor.constructor}}', scope)).toBe('');
  });

  it('does not treat unbalanced braces as references', () => {
    expect(renderTemplate('{{input.ticket} and {input.ticket}}', scope)).toBe('{{input.ticket} and {input.ticket}}');
  });
});
