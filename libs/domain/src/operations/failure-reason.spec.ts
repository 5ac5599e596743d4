import { backlogEtaSeconds } from './backlog-estimate';
import { classifyFailure } from './failure-reason';

describe('classifyFailure', () => {
  it.each([
    ['Greenhouse refused a fresh token for POST /v3/notes: invalid_token', 'credentials_refused'],
    ['Greenhouse refused the token request (HTTP 401): invalid_client', 'credentials_refused'],
    ['Workable refused the token: Not authorized (HTTP 401)', 'credentials_refused'],
    [
      'Greenhouse refused to post a note (HTTP 403): Missing scope: harvest:notes:create',
      'permission_refused',
    ],
    ['ATS rejected POST /v3/applications/12/moves (HTTP 403)', 'permission_refused'],
    ['Greenhouse resource (job stages) not found', 'resource_missing'],
    ['ATS rejected GET /spi/v3/jobs (HTTP 429): still rate limited after 9 waits', 'rate_limited'],
    ['ATS unavailable: gave up after 4 attempts (HTTP 503)', 'unavailable'],
    ['something odd happened', 'unknown'],
  ])('%s → %s', (message, reason) => {
    expect(classifyFailure(message).reason).toBe(reason);
  });
});

describe('backlogEtaSeconds', () => {
  it('extrapolates the recent drain rate', () => {
    expect(backlogEtaSeconds(300, 60, 300)).toBe(1500); // 0.2/s → 1500 s
    expect(backlogEtaSeconds(0, 0, 300)).toBe(0);
    expect(backlogEtaSeconds(10, 0, 300)).toBeNull();
  });
});
