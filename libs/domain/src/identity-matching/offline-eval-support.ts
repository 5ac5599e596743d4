// What scripts/matching-offline-eval.ts needs, in one import (the script runs outside the path aliases).
export * from './index';
export { emailDomain as emailDomainOf } from './contact-normalisation';
