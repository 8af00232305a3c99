import { pgTable, uuid, text, timestamp, integer, doublePrecision, date, jsonb, index, uniqueIndex, boolean } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { ownerOnly } from "./rls";

const userRef = () => uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" });

/** Lagged correlations between a daily factor and an outcome (lib/analytics/correlation). */
export const correlations = pgTable(
  "correlations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: userRef(),
    factor: text("factor").notNull(),
    outcome: text("outcome").notNull(),
    lagDays: integer("lag_days").notNull().default(0),
    pearsonR: doublePrecision("pearson_r"),
    pearsonP: doublePrecision("pearson_p"),
    spearmanRho: doublePrecision("spearman_rho"),
    spearmanP: doublePrecision("spearman_p"),
    qValue: doublePrecision("q_value"),
    sampleSize: integer("sample_size").notNull(),
    significant: boolean("significant").notNull().default(false),
    confidence: text("confidence"),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("correlations_key_idx").on(t.userId, t.factor, t.outcome, t.lagDays), ...ownerOnly("correlations", t.userId)],
).enableRLS();

/** Discovered patterns: recurring motifs, discords, association rules, causal links. */
export const patterns = pgTable(
  "patterns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: userRef(),
    patternType: text("pattern_type").notNull(),
    description: text("description").notNull(),
    confidence: doublePrecision("confidence"),
    support: doublePrecision("support"),
    occurrences: integer("occurrences"),
    exampleDates: date("example_dates", { mode: "string" }).array(),
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
    discoveredAt: timestamp("discovered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("patterns_user_type_idx").on(t.userId, t.patternType), ...ownerOnly("patterns", t.userId)],
).enableRLS();
