import { evidenceForViewer, isSensitiveEvidenceField } from './sensitive-evidence';

describe('evidence a viewer may see', () => {
  const evidence = [
    { field: 'email', outcome: 'agree' },
    { field: 'birth_date', outcome: 'agree' },
    { field: 'name', outcome: 'partial' },
  ];

  it('keeps everything for HR and drops birth-date evidence, whatever its outcome, for anyone else', () => {
    expect(evidenceForViewer(evidence, true)).toEqual(evidence);
    expect(evidenceForViewer(evidence, false).map((e) => e.field)).toEqual(['email', 'name']);
    expect(evidenceForViewer([{ field: 'birth_date', outcome: 'missing' }], false)).toEqual([]);
    expect(isSensitiveEvidenceField('birth_date')).toBe(true);
    expect(isSensitiveEvidenceField('phone')).toBe(false);
  });
});
