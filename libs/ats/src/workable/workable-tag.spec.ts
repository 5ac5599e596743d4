import { normaliseWorkableTag, workableStoredSpelling } from './workable-tag';

describe('Workable tag normalisation', () => {
  it('lower-cases', () => {
    expect(normaliseWorkableTag('Comeback')).toBe('comeback');
  });

  it('Workable itself cuts at the first space; we join words first so the meaning survives', () => {
    expect(workableStoredSpelling('Returning Employee')).toBe('returning');
    expect(normaliseWorkableTag('Returning Employee')).toBe('returning_employee');
    expect(normaliseWorkableTag('  boomerang   hire\t2024 ')).toBe('boomerang_hire_2024');
  });

  it('never sends tags of 25 characters or more (Workable would ignore them)', () => {
    expect(normaliseWorkableTag('a'.repeat(24))).toBe('a'.repeat(24));
    expect(normaliseWorkableTag('a'.repeat(25))).toBeNull();
    expect(normaliseWorkableTag('former employee eligible rehire')).toBeNull();
  });

  it('drops blanks; a leading space would otherwise make Workable store nothing', () => {
    expect(normaliseWorkableTag('   ')).toBeNull();
    expect(workableStoredSpelling(' knit')).toBeNull();
    expect(normaliseWorkableTag(' knit')).toBe('knit');
  });

  it('is idempotent: a normalised tag normalises to itself', () => {
    for (const t of ['comeback', 'returning_employee', 'x-1']) expect(normaliseWorkableTag(t)).toBe(t);
  });
});
