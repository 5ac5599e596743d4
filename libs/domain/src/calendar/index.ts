export { DEFAULT_TENANT_TIME_ZONE, todayIn } from './calendar-date';
