import { OWN_CODE_ORDER, OWN_CODES_CATEGORY, type Code } from '../../shared/research/codebook';
import { newId } from '../../shared/ids';
import {
  deleteObservation,
  observationSchema,
  putCode,
  putObservation,
  type Observation,
} from '../../shared/research/researchDoc';
import { LOCAL_ORIGIN } from '../sync/origins';
import { getResearchDoc } from './researchDoc';

export type SaveResult = { ok: true; id: string } | { ok: false; reason: 'invalid' | 'notConnected' };

/** Saves a new observation, or replaces an existing one (same id) with the edit time bumped. */
export function saveObservation(
  o: Omit<Observation, 'id' | 'createdAt' | 'updatedAt'> & Partial<Observation>,
): SaveResult {
  const doc = getResearchDoc();
  if (!doc) return { ok: false, reason: 'notConnected' };
  const now = Date.now();
  const candidate = { ...o, id: o.id ?? newId('o'), createdAt: o.createdAt ?? now, updatedAt: now };
  const parsed = observationSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  doc.transact(() => putObservation(doc, parsed.data), LOCAL_ORIGIN);
  return { ok: true, id: parsed.data.id };
}

export function removeObservation(id: string): boolean {
  const doc = getResearchDoc();
  if (!doc) return false;
  doc.transact(() => deleteObservation(doc, id), LOCAL_ORIGIN);
  return true;
}

/** Adds a researcher's own code under "Eigen codes"; returns it, or null when not connected or the name is empty. */
export function addCode(name: string, researcherName: string): Code | null {
  const doc = getResearchDoc();
  const trimmed = name.trim().slice(0, 80);
  if (!doc || !trimmed) return null;
  const code: Code = {
    id: newId('c'),
    name: trimmed,
    parentId: OWN_CODES_CATEGORY,
    codable: true,
    source: 'researcher',
    order: OWN_CODE_ORDER,
    createdBy: researcherName,
    createdAt: Date.now(),
  };
  doc.transact(() => putCode(doc, code), LOCAL_ORIGIN);
  return code;
}
