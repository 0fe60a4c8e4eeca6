import { invalid } from './api-error';

export interface Page<T> {
  data: T[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
}

/** Cursor pagination of an already-ordered list (wire §6): `limit` 1–1000 (default 20), `after_id`, `before_id`. */
export function paginate<T extends { id: string }>(items: T[], query: URLSearchParams): Page<T> {
  const limitText = query.get('limit');
  const limit = limitText === null ? 20 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw invalid('limit', 'Input should be an integer between 1 and 1000');
  const afterId = query.get('after_id');
  const beforeId = query.get('before_id');
  if (afterId !== null && beforeId !== null) throw invalid('before_id', 'before_id and after_id cannot both be set');
  let data: T[];
  let hasMore: boolean;
  if (beforeId !== null) {
    const end = indexOf(items, beforeId, 'before_id');
    const start = Math.max(0, end - limit);
    data = items.slice(start, end);
    hasMore = start > 0;
  } else {
    const start = afterId === null ? 0 : indexOf(items, afterId, 'after_id') + 1;
    data = items.slice(start, start + limit);
    hasMore = start + limit < items.length;
  }
  return { data, has_more: hasMore, first_id: data[0]?.id ?? null, last_id: data[data.length - 1]?.id ?? null };
}

function indexOf<T extends { id: string }>(items: T[], id: string, field: string): number {
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) throw invalid(field, `no item with id ${id}`);
  return index;
}
