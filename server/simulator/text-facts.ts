/** Small, deterministic readings of free text that make generated answers reflect the prompt. */

const STOP_WORDS = new Set(
  'a an the and or but if then else of to in on at by for with from into about as is are was were be been being it its this that these those i you he she we they me my your our their what which who whom how why when where do does did can could should would will shall may might must not no yes so than too very just please tell give make let all any some each more most other such only own same here there also up down out over under again further once'.split(' '),
);

/** The most frequent meaningful words, ties broken by first appearance. */
export function keywords(text: string, limit = 5): string[] {
  const counts = new Map<string, { count: number; first: number }>();
  const words = text.toLowerCase().match(/[\p{L}][\p{L}\p{N}'-]{2,}/gu) ?? [];
  words.forEach((word, index) => {
    if (STOP_WORDS.has(word)) return;
    const entry = counts.get(word);
    if (entry) entry.count++;
    else counts.set(word, { count: 1, first: index });
  });
  return [...counts.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first)
    .slice(0, limit)
    .map(([word]) => word);
}

/** A capitalised place-like name: prefer one after in/at/for/to/from, else any capitalised word not starting a sentence. */
export function placeName(text: string): string | undefined {
  const afterPreposition = text.match(/\b(?:in|at|for|to|from|near|of)\s+((?:[A-Z][\p{L}-]+)(?:\s+[A-Z][\p{L}-]+)*)/u);
  if (afterPreposition) return afterPreposition[1];
  const midSentence = text.match(/(?<![.!?]\s*|^\s*)\b([A-Z][\p{Ll}-]{2,})/u);
  return midSentence?.[1];
}

/** The first sentence (or line) of the text, shortened to `max` characters on a word boundary. */
export function firstSentence(text: string, max = 160): string {
  const sentence = text.trim().split(/(?<=[.!?])\s|\n/)[0] ?? '';
  return shorten(sentence, max);
}

export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

export function numbersIn(text: string): number[] {
  return (text.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
}

/** An arithmetic expression such as `(12 + 7) * 3`, for calculator-like tools. */
export function arithmeticExpression(text: string): string | undefined {
  return text.match(/[(\d][\d\s.()]*(?:[-+*/^×÷%][\s(]*[\d.]+[\s)]*)+/)?.[0].trim().replace(/×/g, '*').replace(/÷/g, '/');
}

/** Identifiers that look like code (calls, snake_case, camelCase), for code-review answers. */
export function codeIdentifiers(text: string, limit = 4): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*(?:\(|_[A-Za-z0-9_]+|[a-z][A-Z][A-Za-z0-9]*))/g)) {
    found.add((match[1] ?? '').replace(/\($/, ''));
    if (found.size >= limit) break;
  }
  return [...found];
}
