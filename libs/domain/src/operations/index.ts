export * from './failure-reason';
export * from './backlog-estimate';
