// setupFilesAfterEnv of the integration project: a test file whose recruiter or hiring-manager responses carried
// anything sensitive fails here, after its own tests ran (see response-scan.ts).
import { describeLeaks, takeLeaks } from './response-scan';

afterAll(() => {
  const leaks = takeLeaks();
  if (leaks.length > 0)
    throw new Error(
      `Sensitive data in ${leaks.length} recruiter/hiring-manager response(s):\n${describeLeaks(leaks)}`,
    );
});
