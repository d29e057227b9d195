/**
 * JSON.parse keeps the last of two equal keys (`{"type":"return","type":"usage_question"}` is a usage question), and
 * a reviver never sees the first: what one reader takes for the request, another may not. This scans the source once
 * for a key repeated in the same object. It expects text JSON.parse has already accepted, so it only tells keys from
 * values and strings from structure; one pass, no recursion, memory linear in the body.
 */

type Frame = { kind: 'object'; keys: Set<string>; key?: string; expectKey: boolean } | { kind: 'array'; index: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The index just past the string starting at the quote at `start` (the end of the text if it is unterminated). */
const stringEnd = (json: string, start: number): number => {
  let at = start + 1;
  while (at < json.length) {
    const code = json.charCodeAt(at);
    if (code === QUOTE) return at + 1;
    at += code === BACKSLASH ? 2 : 1;
  }
  return json.length;
};

const segmentOf = (frame: Frame): string => (frame.kind === 'array' ? String(frame.index) : (frame.key ?? ''));

/** The path of the first key that repeats within its object (e.g. `['items', '1', 'sku']`), or undefined. */
export const firstDuplicateKey = (json: string): string[] | undefined => {
  const frames: Frame[] = [];
  for (let at = 0; at < json.length;) {
    const char = json[at];
    const top = frames.at(-1);
    if (char === '"') {
      const end = stringEnd(json, at);
      if (top?.kind === 'object' && top.expectKey) {
        // Decoded, so `"a"` and `"\u0061"` are the same key.
        const key = JSON.parse(json.slice(at, end)) as string; // valid: the whole text parsed
        if (top.keys.has(key)) return [...frames.slice(0, -1).map(segmentOf), key];
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      at = end;
      continue;
    }
    if (char === '{') frames.push({ kind: 'object', keys: new Set(), expectKey: true });
    else if (char === '[') frames.push({ kind: 'array', index: 0 });
    else if (char === '}' || char === ']') frames.pop();
    else if (char === ',' && top?.kind === 'object') top.expectKey = true;
    else if (char === ',' && top?.kind === 'array') top.index += 1;
    at += 1;
  }
  return undefined;
};
