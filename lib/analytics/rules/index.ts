export { findFrequentItemsets, type AprioriOptions, type FrequentItemset, type OneHotTable } from "./apriori";
export {
  computeRuleMetrics,
  generateAssociationRules,
  RULE_METRICS,
  type AssociationRule,
  type AssociationRuleOptions,
  type RuleMetric,
} from "./association-rules";
export {
  binarizeDailyFeatures,
  DEFAULT_FEATURE_THRESHOLDS,
  type BinarizedDays,
  type BinarizeOptions,
  type DailyFeatureName,
  type DailyFeatureRecord,
  type FeatureThresholds,
  type OmittedFeature,
} from "./binarize-daily-features";
export { fromJsonNumber, toJsonNumber, toJsonSafeRule, type JsonNumber, type JsonSafeRule } from "./json";
