/**
 * The deepest nesting of `[`/`{` in a JSON text, found by a linear scan of the raw text (no
 * parsing, no recursion), stopping as soon as `limit` is exceeded. Lets a 10,000-deep body be
 * refused before JSON.parse or any recursive walk ever sees it.
 */
export function exceedsJsonDepth(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c /* \ */) i++;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b /* [ */ || char === 0x7b /* { */) {
      if (++depth > limit) return true;
    } else if (char === 0x5d /* ] */ || char === 0x7d /* } */) depth--;
  }
  return false;
}
