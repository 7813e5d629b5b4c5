/**
 * An RFC 4180 reader for tests: quoted fields may hold commas, doubled quotes and line breaks;
 * records end with CRLF. Used to read the report CSV back as a spreadsheet would.
 */
export function parseCsv(source: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && source[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += c;
  }
  // A last record without a closing CRLF.
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}
