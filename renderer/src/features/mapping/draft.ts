import type { MappedField, MappingProfile } from '../../../../shared/model/mapping.js';

/** The mapping editor's form state and how it becomes a MappingProfile (pure: unit-tested without a DOM). */

export type FieldChoice = Partial<Record<MappedField, string>>;

export interface MappingDraft {
  fields: FieldChoice;
  /** Comma-separated words of the outcome field that mean success / failure. */
  success: string;
  failure: string;
  name: string;
}

export const EMPTY_DRAFT: MappingDraft = { fields: {}, success: '', failure: '', name: '' };
const words = (s: string) => s.split(',').map((w) => w.trim()).filter(Boolean);

/** The profile the draft describes, or null while no time field is chosen (time is the one required field). */
export function draftProfile(d: MappingDraft): MappingProfile | null {
  if (!d.fields.time) return null;
  const fields = Object.fromEntries(Object.entries(d.fields).filter(([, v]) => v)) as MappingProfile['fields'];
  const profile: MappingProfile = { fields };
  if (d.name.trim()) profile.name = d.name.trim();
  const success = words(d.success);
  const failure = words(d.failure);
  if (fields.outcome && (success.length || failure.length)) profile.outcomeValues = { success, failure };
  return profile;
}

export function fromProfile(p: MappingProfile): MappingDraft {
  return {
    fields: { ...p.fields },
    success: p.outcomeValues?.success.join(', ') ?? '',
    failure: p.outcomeValues?.failure.join(', ') ?? '',
    name: p.name ?? '',
  };
}

