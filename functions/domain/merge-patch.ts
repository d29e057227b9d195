/**
 * JSON Merge Patch (RFC 7396): an object in the patch merges into the target's object of that name, field by field;
 * `null` removes the field; anything else (a value, an array) replaces it. A field the patch does not name is kept,
 * which is the point: a client that changes one field cannot lose another it did not send.
 */
export const mergePatch = (target: unknown, patch: unknown): unknown => {
  if (!isPlainObject(patch)) return patch;
  const merged: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) delete merged[name];
    else merged[name] = mergePatch(merged[name], value);
  }
  return merged;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
