// The returnee briefing: pure composition at the viewer's privacy level (shared/spec/briefing.md).
export * from './briefing.types';
export {
  changesSinceLeaving,
  composeBriefing,
  monthsText,
  normaliseWorkHistory,
  reonboardingChecklist,
} from './compose-briefing';
export { DEPARTURE_CATEGORY_TEXT, departureCategory, departureForViewer } from './departure-category';
export { performanceLevel, performanceTrend } from './performance-trend';
