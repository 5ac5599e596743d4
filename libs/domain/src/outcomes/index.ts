// Outcomes of the alumni line: re-onboarding tasks, time saved, the disclosure report (shared/spec/alumni-line.md).
export * from './reonboarding-plan';
export * from './time-saved';
export * from './disclosure-report';
