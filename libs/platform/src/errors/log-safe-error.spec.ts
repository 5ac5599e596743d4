import { isBadInputDatabaseError, logSafeError, maskValues } from './log-safe-error';

describe('logSafeError', () => {
  it('keeps no query, parameters or driver detail of a failed query', () => {
    const err = Object.assign(new Error('duplicate key value violates unique constraint "uq_x"'), {
      name: 'QueryFailedError',
      query: 'INSERT INTO alumni (email) VALUES ($1)',
      parameters: ['hanako@example.jp'],
      driverError: {
        code: '23505',
        table: 'alumni',
        constraint: 'uq_x',
        detail: 'Key (email)=(hanako@example.jp) already exists.',
      },
    });
    const safe = logSafeError(err);
    expect(JSON.stringify(safe)).not.toContain('hanako');
    expect(JSON.stringify(safe)).not.toContain('INSERT');
    expect(safe).toMatchObject({
      type: 'QueryFailedError',
      code: '23505',
      table: 'alumni',
      constraint: 'uq_x',
    });
  });

  it('masks quoted values in messages and drops the message line from the stack', () => {
    const err = new Error('invalid input syntax for type uuid: "山田太郎"');
    const safe = logSafeError(err);
    expect(JSON.stringify(safe)).not.toContain('山田');
    expect(maskValues('Key (employee_number)=(E1) exists')).toBe('Key (?)=(?) exists');
  });

  it('treats a data exception (SQLSTATE 22…) as bad input', () => {
    expect(isBadInputDatabaseError({ name: 'QueryFailedError', driverError: { code: '22021' } })).toBe(true);
    expect(isBadInputDatabaseError({ name: 'QueryFailedError', driverError: { code: '23505' } })).toBe(false);
    expect(isBadInputDatabaseError(new Error('x'))).toBe(false);
  });
});
