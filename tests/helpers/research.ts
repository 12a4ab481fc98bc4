import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The REFI-QDA schema (a published standard), kept inside the repository in `tests/fixtures/refi-qda/` so that the
 * tests pass on a plain clone. Resolved from this file, not from the working directory.
 */
export const PROJECT_XSD = fileURLToPath(new URL('../fixtures/refi-qda/Project.xsd', import.meta.url));

/** Validates a project.qde against Project.xsd with xmllint; returns xmllint's complaint, or null when valid. */
export function validateQde(xml: string): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'werkplaats-qde-'));
  const file = path.join(dir, 'project.qde');
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--schema', PROJECT_XSD, file], { stdio: 'pipe' });
    return null;
  } catch (err) {
    const e = err as { stderr?: Buffer; message: string };
    return e.stderr?.toString() ?? e.message;
  }
}

/**
 * Unpacks a zip with Python's zipfile (an independent reader), returning each entry's name and UTF-8 text; an entry
 * that is not text (a photo) comes back as `base64:` and its bytes in base64.
 */
export function unzipWithPython(zip: Buffer): Record<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'werkplaats-zip-'));
  const file = path.join(dir, 'export.zip');
  writeFileSync(file, zip);
  const script =
    'import sys, json, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n' +
    'import base64\ndef text(b):\n  try:\n    return b.decode("utf-8")\n  except UnicodeDecodeError:\n    return "base64:" + base64.b64encode(b).decode("ascii")\n' +
    'print(json.dumps({n: text(z.read(n)) for n in z.namelist()}))';
  const out = execFileSync('python3', ['-c', script, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out) as Record<string, string>;
}

/** RFC 4180 reader for the tests: quoted fields, doubled quotes, CRLF records. */
export function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

/** Whether `name` occurs in `text` as a whole word (ignoring case), the way the exports' name scrubber matches. */
export function hasWord(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}
