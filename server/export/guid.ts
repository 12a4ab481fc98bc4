import { createHash } from 'node:crypto';

/** Werkplaats' own namespace for name-based UUIDs (RFC 4122 §4.3, version 5). */
const NAMESPACE = Buffer.from('6f1c8a52-3b8e-4d0a-9c1e-5a7f2e9b4d31'.replace(/-/g, ''), 'hex');

/**
 * A stable GUID for a name (UUID v5: SHA-1 of namespace + name), so exporting the same workshop twice gives the
 * same GUIDs and analysis software can match a re-export to an earlier one.
 */
export function stableGuid(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
