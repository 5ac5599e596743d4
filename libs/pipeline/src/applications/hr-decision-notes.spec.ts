import { hrApprovedNote, hrDeclinedNote, notReturneeNote } from './hr-decision-notes';

describe('notes written into the ATS on HR’s decisions', () => {
  const plan = {
    action: 'move' as const,
    reason: 'ok' as const,
    targetStage: { id: '3', name: '二次面接' },
    skipped: [
      { id: '1', name: '書類選考' },
      { id: '2', name: '一次面接' },
    ],
  };

  it('is in the tenant’s language and names the stages skipped', () => {
    const ja = hrApprovedNote('ja', { plan, tier: 'full', briefingUrl: 'https://x/b' });
    expect(ja).toContain('「書類選考」、「一次面接」を省略し、「二次面接」に進めました。');
    expect(ja).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/); // no English sentence
    const en = hrApprovedNote('en', { plan, tier: 'full', briefingUrl: 'https://x/b' });
    expect(en).toContain('Moved to "二次面接", skipping "書類選考", "一次面接".');
    expect(hrDeclinedNote('ja')).toContain('対象外');
    expect(hrDeclinedNote('en')).toContain('not eligible');
    expect(notReturneeNote('en')).toContain('not a former employee');
  });
});
