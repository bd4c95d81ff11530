// CSV as RFC 4180 writes it: a field holding a comma, a quote or a line break is quoted, its quotes doubled.

/** One CSV field. */
export function csvField(value: string | number | boolean): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document from rows of fields, lines ended with CRLF as RFC 4180 says unless told otherwise (spreadsheets read either). */
export function csvDocument(rows: readonly (readonly (string | number | boolean)[])[], eol = '\r\n'): string {
  return rows.map((row) => row.map(csvField).join(',')).join(eol) + eol;
}
