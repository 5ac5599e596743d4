/** Optional provider (an `AtsHttpTuning`): where HR-system calls may go and how they retry; HrisModule fills it. */
export const HRIS_HTTP_TUNING = Symbol('HRIS_HTTP_TUNING');
