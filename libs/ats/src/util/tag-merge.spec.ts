import { mergeTags } from './tag-merge';

describe('mergeTags', () => {
  it('keeps every existing tag as is and adds only new ones, case-insensitively', () => {
    const r = mergeTags(
      ['Referral', 'python', 'VIP'],
      ['vip', 'Returning Employee', 'returning employee', 'Comeback'],
    );
    expect(r.merged).toEqual(['Referral', 'python', 'VIP', 'Returning Employee', 'Comeback']);
    expect(r.added).toEqual(['Returning Employee', 'Comeback']);
  });

  it('adds nothing when everything is there already', () => {
    expect(mergeTags(['comeback'], ['COMEBACK'])).toEqual({ merged: ['comeback'], added: [] });
  });
});
