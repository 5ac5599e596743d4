// The hook that scans every recruiter / hiring-manager response of the integration tests (response-scan.ts):
// a deliberately leaking route is caught with its route, role and field path; HR responses are not scanned.
import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import {
  findingsWithPaths,
  responseScanMiddleware,
  scannedCount,
  takeLeaks,
  watchPeople,
} from '../support/response-scan';

describe('response scan hook (every non-HR response in the e2e tests)', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    app.use(responseScanMiddleware);
    // Stands in for the auth guard: the principal is on req.user by the time the handler answers.
    app.use((req, _res, next) => {
      (req as any).user = { role: String(req.headers['x-role'] ?? '') };
      next();
    });
    app.get('/leaky', (_req, res) => {
      res.json({ items: [{ name: '山田', birthDate: '1988-05-12' }, { salary: 6_200_000 }] });
    });
    app.get('/leaky-page', (_req, res) => {
      res.type('html').send('<p>最終基本給（人事のみ） 懲戒解雇</p>');
    });
    app.post('/echo', express.json(), (_req, res) => {
      res.status(400).json({ problems: [{ field: 'birth_date', message: 'birth_date must be YYYY-MM-DD' }] });
    });
    app.get('/clean', (_req, res) => {
      res.json({ items: [{ name: '山田', status: 'fast_tracked' }] });
    });
    await new Promise<void>((resolve) => {
      server = app.listen(0, '127.0.0.1', () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    watchPeople([{ birthDate: '1988-05-12', salaries: [6_200_000] }]);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    // This file leaks on purpose: what it recorded is checked below, not by the setup file's afterAll.
    takeLeaks();
  });

  it('records a leaking JSON route with route, role and field path', async () => {
    takeLeaks();
    const before = scannedCount();
    await fetch(`${base}/leaky?x=1`, { headers: { 'x-role': 'recruiter' } });
    expect(scannedCount()).toBe(before + 1);
    const leaks = takeLeaks();
    expect(leaks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ route: 'GET /leaky', role: 'recruiter', path: '$.items[0].birthDate' }),
        expect.objectContaining({ path: '$.items[0].birthDate', finding: 'birth date 1988-05-12' }),
        expect.objectContaining({ path: '$.items[1].salary', finding: 'salary 6200000' }),
      ]),
    );
  });

  it('scans HTML pages for hiring managers, including labels marked HR-only', async () => {
    takeLeaks();
    await fetch(`${base}/leaky-page`, { headers: { 'x-role': 'hiring_manager' } });
    const findings = takeLeaks().map((l) => [l.role, l.path, l.finding]);
    expect(findings).toEqual(
      expect.arrayContaining([
        ['hiring_manager', 'html', 'label （人事のみ）'],
        ['hiring_manager', 'html', expect.stringMatching(/^departure reason label/)],
      ]),
    );
  });

  it('leaves HR responses and clean responses alone', async () => {
    takeLeaks();
    await fetch(`${base}/leaky`, { headers: { 'x-role': 'hr_admin' } });
    await fetch(`${base}/clean`, { headers: { 'x-role': 'recruiter' } });
    expect(takeLeaks()).toEqual([]);
  });

  it('does not count a validation message about a field the caller sent, but counts the same from elsewhere', async () => {
    takeLeaks();
    const post = (body: unknown) =>
      fetch(`${base}/echo`, {
        method: 'POST',
        headers: { 'x-role': 'recruiter', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await post({ birth_date: '01/04/1990' });
    expect(takeLeaks()).toEqual([]);
    await post({ name: 'x' });
    expect(takeLeaks().map((l) => l.finding)).toContain('field name birth_date');
  });

  it('names the path of a sensitive key and of a value in a nested array', () => {
    expect(
      findingsWithPaths(JSON.stringify({ a: [{ b: { departureReason: 'x' } }] }), [], 'application/json'),
    ).toEqual([{ path: '$.a[0].b.departureReason', finding: 'field name departureReason' }]);
  });
});
