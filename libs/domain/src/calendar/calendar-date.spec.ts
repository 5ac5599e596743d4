import { todayIn } from './calendar-date';

describe('todayIn', () => {
  it.each([
    ['2026-03-31T14:59:59Z', 'Asia/Tokyo', '2026-03-31'],
    ['2026-03-31T15:00:00Z', 'Asia/Tokyo', '2026-04-01'],
    ['2026-12-31T23:30:00Z', 'Asia/Tokyo', '2027-01-01'],
    ['2026-07-01T03:00:00Z', 'America/Los_Angeles', '2026-06-30'],
    ['2026-07-01T03:00:00Z', 'UTC', '2026-07-01'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(todayIn(zone, new Date(instant))).toBe(expected);
  });

  it('defaults to Japan', () => {
    expect(todayIn(undefined, new Date('2026-03-31T15:00:00Z'))).toBe('2026-04-01');
  });

  it('refuses an unknown time zone', () => {
    expect(() => todayIn('Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
