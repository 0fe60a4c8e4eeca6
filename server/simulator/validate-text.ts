import { invalid } from './api-error';

/** Text blocks (messages and system) must hold non-whitespace text. */
export function validateTextValue(text: unknown, path: string): void {
  if (typeof text !== 'string') throw invalid(path, 'Input should be a valid string');
  if (text.length === 0) throw invalid(path, 'text content blocks must be non-empty');
  if (text.trim().length === 0) throw invalid(path, 'text content blocks must contain non-whitespace text');
}
