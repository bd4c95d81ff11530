// A result as plain data a grader on the page can compare: what the structured clone can carry,
// with tensors as `{shape, data}` and anything that cannot cross (functions, symbols) dropped.

/** Copies a value into structured-cloneable plain data; tensors become `{shape, data}` with `data` a number array. */
export function plainValue(value: unknown, depth = 0, seen = new Set<object>()): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (typeof value !== 'object') return value;
  if (depth > 32 || seen.has(value)) return undefined;
  const tensor = value as { data?: unknown; shape?: unknown };
  if (tensor.data instanceof Float64Array && Array.isArray(tensor.shape)) {
    return { shape: [...tensor.shape], data: Array.from(tensor.data) };
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (value instanceof Date) return new Date(value.getTime());
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => plainValue(item, depth + 1, seen));
    const record: Record<string, unknown> = {};
    for (const key of Object.keys(value)) record[key] = plainValue((value as Record<string, unknown>)[key], depth + 1, seen);
    return record;
  } finally {
    seen.delete(value);
  }
}
