CREATE TYPE "public"."glucose_unit" AS ENUM('mg/dL', 'mmol/L');--> statement-breakpoint
CREATE TYPE "public"."token_scope" AS ENUM('read', 'write');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('patient', 'mentor', 'admin');--> statement-breakpoint
CREATE TYPE "public"."mentor_link_status" AS ENUM('active', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."glucose_flag" AS ENUM('high', 'low');--> statement-breakpoint
CREATE TYPE "public"."glucose_kind" AS ENUM('cgm', 'scan', 'manual');--> statement-breakpoint
CREATE TYPE "public"."brief_frequency" AS ENUM('weekly', 'biweekly', 'monthly', 'never');--> statement-breakpoint
CREATE TYPE "public"."insight_type" AS ENUM('positive', 'warning', 'neutral');--> statement-breakpoint
CREATE TYPE "public"."significance" AS ENUM('high', 'medium', 'low');--> statement-breakpoint
CREATE TYPE "public"."strategy_type" AS ENUM('discovery', 'pattern', 'prevention');--> statement-breakpoint
CREATE TYPE "public"."export_type" AS ENUM('pdf', 'doctor_share');--> statement-breakpoint
CREATE TYPE "public"."check_in_status" AS ENUM('done', 'skipped', 'missed');--> statement-breakpoint
CREATE TYPE "public"."goal_status" AS ENUM('draft', 'active', 'paused', 'completed', 'archived');--> statement-breakpoint
CREATE TYPE "public"."message_role" AS ENUM('user', 'assistant');--> statement-breakpoint
CREATE TYPE "public"."subgoal_status" AS ENUM('todo', 'in_progress', 'done');--> statement-breakpoint
CREATE TYPE "public"."suggestion_status" AS ENUM('pending', 'accepted', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."job_status" AS ENUM('queued', 'running', 'completed', 'failed', 'cancelled');--> statement-breakpoint
CREATE TABLE "accounts" (
	"user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
ALTER TABLE "accounts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "personal_access_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"scope" "token_scope" NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "personal_access_tokens" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"session_token" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text,
	"email" text NOT NULL,
	"email_verified" timestamp with time zone,
	"image" text,
	"password_hash" text,
	"role" "user_role" DEFAULT 'patient' NOT NULL,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"glucose_unit" "glucose_unit" DEFAULT 'mg/dL' NOT NULL,
	"diabetes_type" text,
	"target_low_mgdl" double precision DEFAULT 70 NOT NULL,
	"target_high_mgdl" double precision DEFAULT 180 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
CREATE TABLE "mentor_invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentor_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mentor_invites" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "mentor_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentor_id" uuid NOT NULL,
	"mentee_id" uuid NOT NULL,
	"status" "mentor_link_status" DEFAULT 'active' NOT NULL,
	"share_glucose" boolean DEFAULT false NOT NULL,
	"share_journal" boolean DEFAULT false NOT NULL,
	"consented_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "mentor_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"time" timestamp with time zone NOT NULL,
	"end" timestamp with time zone,
	"type" text NOT NULL,
	"duration_min" double precision,
	"intensity" text,
	"kcal" double precision,
	"distance_km" double precision,
	"steps" integer,
	"heart_rate_avg" double precision,
	"source" text NOT NULL,
	"device" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "daily_aggregates" (
	"user_id" uuid NOT NULL,
	"date" date NOT NULL,
	"readings" integer DEFAULT 0 NOT NULL,
	"mean_mgdl" double precision,
	"min_mgdl" double precision,
	"max_mgdl" double precision,
	"sd_mgdl" double precision,
	"tir_percent" double precision,
	"tar_percent" double precision,
	"tbr_percent" double precision,
	"overnight_mean_mgdl" double precision,
	"sleep_minutes" integer,
	"sleep_quality" double precision,
	"deep_sleep_minutes" integer,
	"rem_sleep_minutes" integer,
	"exercise_minutes" double precision,
	"evening_exercise_minutes" double precision,
	"steps" integer,
	"carbs_g" double precision,
	"kcal" double precision,
	"late_dinner" boolean,
	"last_meal_hour" double precision,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "daily_aggregates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "daily_steps" (
	"user_id" uuid NOT NULL,
	"date" date NOT NULL,
	"steps" integer NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "daily_steps" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "glucose_readings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "glucose_readings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" uuid NOT NULL,
	"time" timestamp with time zone NOT NULL,
	"mgdl" double precision NOT NULL,
	"kind" "glucose_kind" DEFAULT 'cgm' NOT NULL,
	"flag" "glucose_flag",
	"source" text NOT NULL,
	"device" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "glucose_readings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "health_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"time" timestamp with time zone NOT NULL,
	"text" text,
	"source" text NOT NULL,
	"device" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "health_notes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "meals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"time" timestamp with time zone NOT NULL,
	"meal_type" text,
	"carbs_g" double precision,
	"protein_g" double precision,
	"fat_g" double precision,
	"kcal" double precision,
	"description" text,
	"source" text NOT NULL,
	"device" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sleep_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"start" timestamp with time zone NOT NULL,
	"end" timestamp with time zone NOT NULL,
	"asleep_minutes" integer,
	"in_bed_minutes" integer,
	"deep_minutes" integer,
	"rem_minutes" integer,
	"core_minutes" integer,
	"awake_minutes" integer,
	"quality_score" double precision,
	"source" text NOT NULL,
	"device" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sleep_sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "correlations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"factor" text NOT NULL,
	"outcome" text NOT NULL,
	"lag_days" integer DEFAULT 0 NOT NULL,
	"pearson_r" double precision,
	"pearson_p" double precision,
	"spearman_rho" double precision,
	"spearman_p" double precision,
	"q_value" double precision,
	"sample_size" integer NOT NULL,
	"significant" boolean DEFAULT false NOT NULL,
	"confidence" text,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "correlations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "patterns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"pattern_type" text NOT NULL,
	"description" text NOT NULL,
	"confidence" double precision,
	"support" double precision,
	"occurrences" integer,
	"example_dates" date[],
	"metadata" jsonb,
	"discovered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "patterns" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "brief_refresh_usage" (
	"user_id" uuid NOT NULL,
	"week_of" date NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "brief_refresh_usage" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "health_insights" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"story_id" uuid NOT NULL,
	"insight_type" "insight_type" NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"confidence" integer NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"provider" text DEFAULT 'grounded' NOT NULL,
	"week_of" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insights_confidence_range" CHECK ("health_insights"."confidence" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "health_insights" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "health_predictions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"story_id" uuid NOT NULL,
	"event_description" text NOT NULL,
	"probability" integer NOT NULL,
	"sample_size" integer,
	"timeframe" text NOT NULL,
	"preventable" boolean DEFAULT false NOT NULL,
	"reasoning" text,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"provider" text DEFAULT 'grounded' NOT NULL,
	"week_of" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "predictions_probability_range" CHECK ("health_predictions"."probability" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "health_predictions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "intelligence_analytics" (
	"user_id" uuid NOT NULL,
	"week_of" date NOT NULL,
	"brief_view_seconds" double precision DEFAULT 0 NOT NULL,
	"brief_scroll_depth" double precision DEFAULT 0 NOT NULL,
	"patterns_clicked" integer DEFAULT 0 NOT NULL,
	"recommendations_actioned" integer DEFAULT 0 NOT NULL,
	"velocity_interactions" integer DEFAULT 0 NOT NULL,
	"total_page_seconds" double precision DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "intelligence_analytics" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "shadow_patterns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"story_id" uuid,
	"pattern_name" text NOT NULL,
	"last_seen_description" text NOT NULL,
	"significance" "significance" NOT NULL,
	"last_mentioned_date" date,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"provider" text DEFAULT 'grounded' NOT NULL,
	"week_of" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "shadow_patterns" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "strategic_moves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"story_id" uuid,
	"strategy" text NOT NULL,
	"strategy_type" "strategy_type" NOT NULL,
	"priority" integer DEFAULT 5 NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"provider" text DEFAULT 'grounded' NOT NULL,
	"acted_on_at" timestamp with time zone,
	"week_of" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "moves_priority_range" CHECK ("strategic_moves"."priority" between 1 and 10)
);
--> statement-breakpoint
ALTER TABLE "strategic_moves" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "user_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"weekly_brief_enabled" boolean DEFAULT true NOT NULL,
	"weekly_brief_frequency" "brief_frequency" DEFAULT 'weekly' NOT NULL,
	"last_brief_dismissed_at" timestamp with time zone,
	"total_briefs_dismissed" integer DEFAULT 0 NOT NULL,
	"avg_engagement_seconds" double precision DEFAULT 0 NOT NULL,
	"daily_reminders" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_preferences" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "weekly_brief_state" (
	"user_id" uuid NOT NULL,
	"week_of" date NOT NULL,
	"story_id" uuid,
	"first_shown_at" timestamp with time zone,
	"dismissed_at" timestamp with time zone,
	"engagement_seconds" double precision DEFAULT 0 NOT NULL,
	"impressions" integer DEFAULT 0 NOT NULL,
	"engaged_views" integer DEFAULT 0 NOT NULL,
	"meaningful_engagements" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "weekly_brief_state" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "weekly_health_stories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"week_of" date NOT NULL,
	"title" text NOT NULL,
	"narrative" text NOT NULL,
	"personal_note" text,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"provider" text DEFAULT 'grounded' NOT NULL,
	"partial" boolean DEFAULT false NOT NULL,
	"run_id" uuid,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "weekly_health_stories" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "export_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"export_type" "export_type" NOT NULL,
	"story_ids" uuid[] DEFAULT '{}' NOT NULL,
	"period_start" date,
	"period_end" date,
	"options" jsonb,
	"share_link_id" uuid,
	"recipient_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "export_history" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "share_link_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"share_link_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"viewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_hash" text,
	"user_agent" text,
	"kind" text DEFAULT 'page' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "share_link_views" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "share_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"story_ids" uuid[] DEFAULT '{}' NOT NULL,
	"options" jsonb,
	"recipient_email" text,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "share_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"habit_id" uuid NOT NULL,
	"day" date NOT NULL,
	"status" "check_in_status" NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "check_ins" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"theme" text,
	"constraints" jsonb,
	"ai_plan" jsonb,
	"plan_provider" text,
	"status" "goal_status" DEFAULT 'active' NOT NULL,
	"target_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "goals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "group_feed_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentor_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "group_feed_posts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "habits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"goal_id" uuid,
	"title" text NOT NULL,
	"schedule" jsonb NOT NULL,
	"skip_budget_per_week" integer DEFAULT 1 NOT NULL,
	"reminder_time" text DEFAULT '07:00' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "habits" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "journal_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"text" text NOT NULL,
	"sentiment" double precision,
	"mood" text,
	"shared_with_mentor" boolean DEFAULT false NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "journal_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "mentor_interactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentor_id" uuid NOT NULL,
	"mentee_id" uuid NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"context_used" jsonb NOT NULL,
	"provider" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mentor_interactions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "message_role" NOT NULL,
	"content" text NOT NULL,
	"provider" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "messages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"dedupe_key" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plan_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"week_of" date NOT NULL,
	"suggestion" jsonb NOT NULL,
	"rationale" text,
	"provider" text,
	"status" "suggestion_status" DEFAULT 'pending' NOT NULL,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_suggestions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "subgoals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"title" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"status" "subgoal_status" DEFAULT 'todo' NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "subgoals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"function_id" text NOT NULL,
	"event_name" text NOT NULL,
	"event_data" jsonb NOT NULL,
	"user_id" uuid,
	"idempotency_key" text,
	"concurrency_key" text,
	"status" "job_status" DEFAULT 'queued' NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 4 NOT NULL,
	"run_after" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"progress" jsonb,
	"output" jsonb,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "job_runs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "job_steps" (
	"run_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"output" jsonb,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_access_tokens" ADD CONSTRAINT "personal_access_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_invites" ADD CONSTRAINT "mentor_invites_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_invites" ADD CONSTRAINT "mentor_invites_used_by_users_id_fk" FOREIGN KEY ("used_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_links" ADD CONSTRAINT "mentor_links_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_links" ADD CONSTRAINT "mentor_links_mentee_id_users_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_aggregates" ADD CONSTRAINT "daily_aggregates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_steps" ADD CONSTRAINT "daily_steps_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glucose_readings" ADD CONSTRAINT "glucose_readings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_notes" ADD CONSTRAINT "health_notes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meals" ADD CONSTRAINT "meals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sleep_sessions" ADD CONSTRAINT "sleep_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correlations" ADD CONSTRAINT "correlations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patterns" ADD CONSTRAINT "patterns_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_refresh_usage" ADD CONSTRAINT "brief_refresh_usage_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_insights" ADD CONSTRAINT "health_insights_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_insights" ADD CONSTRAINT "health_insights_story_id_weekly_health_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."weekly_health_stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_predictions" ADD CONSTRAINT "health_predictions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_predictions" ADD CONSTRAINT "health_predictions_story_id_weekly_health_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."weekly_health_stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intelligence_analytics" ADD CONSTRAINT "intelligence_analytics_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shadow_patterns" ADD CONSTRAINT "shadow_patterns_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shadow_patterns" ADD CONSTRAINT "shadow_patterns_story_id_weekly_health_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."weekly_health_stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_moves" ADD CONSTRAINT "strategic_moves_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_moves" ADD CONSTRAINT "strategic_moves_story_id_weekly_health_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."weekly_health_stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_preferences" ADD CONSTRAINT "user_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_brief_state" ADD CONSTRAINT "weekly_brief_state_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_brief_state" ADD CONSTRAINT "weekly_brief_state_story_id_weekly_health_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."weekly_health_stories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_health_stories" ADD CONSTRAINT "weekly_health_stories_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_history" ADD CONSTRAINT "export_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_link_views" ADD CONSTRAINT "share_link_views_share_link_id_share_links_id_fk" FOREIGN KEY ("share_link_id") REFERENCES "public"."share_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_link_views" ADD CONSTRAINT "share_link_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_habit_id_habits_id_fk" FOREIGN KEY ("habit_id") REFERENCES "public"."habits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_feed_posts" ADD CONSTRAINT "group_feed_posts_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_feed_posts" ADD CONSTRAINT "group_feed_posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "habits" ADD CONSTRAINT "habits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "habits" ADD CONSTRAINT "habits_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_interactions" ADD CONSTRAINT "mentor_interactions_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_interactions" ADD CONSTRAINT "mentor_interactions_mentee_id_users_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_suggestions" ADD CONSTRAINT "plan_suggestions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_suggestions" ADD CONSTRAINT "plan_suggestions_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subgoals" ADD CONSTRAINT "subgoals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subgoals" ADD CONSTRAINT "subgoals_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_steps" ADD CONSTRAINT "job_steps_run_id_job_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."job_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pat_hash_idx" ON "personal_access_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "pat_user_idx" ON "personal_access_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_idx" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "mentor_invites_code_idx" ON "mentor_invites" USING btree ("code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "mentor_links_active_pair_idx" ON "mentor_links" USING btree ("mentor_id","mentee_id") WHERE "mentor_links"."status" = 'active';--> statement-breakpoint
CREATE INDEX "mentor_links_mentee_idx" ON "mentor_links" USING btree ("mentee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "activities_user_time_source_idx" ON "activities" USING btree ("user_id","time","source");--> statement-breakpoint
CREATE UNIQUE INDEX "daily_user_date_idx" ON "daily_aggregates" USING btree ("user_id","date");--> statement-breakpoint
CREATE INDEX "daily_user_date_desc_idx" ON "daily_aggregates" USING btree ("user_id","date" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "daily_steps_user_date_source_idx" ON "daily_steps" USING btree ("user_id","date","source");--> statement-breakpoint
CREATE UNIQUE INDEX "glucose_user_time_source_idx" ON "glucose_readings" USING btree ("user_id","time","source");--> statement-breakpoint
CREATE UNIQUE INDEX "notes_user_time_source_idx" ON "health_notes" USING btree ("user_id","time","source");--> statement-breakpoint
CREATE UNIQUE INDEX "meals_user_time_source_idx" ON "meals" USING btree ("user_id","time","source");--> statement-breakpoint
CREATE UNIQUE INDEX "sleep_user_start_source_idx" ON "sleep_sessions" USING btree ("user_id","start","source");--> statement-breakpoint
CREATE UNIQUE INDEX "correlations_key_idx" ON "correlations" USING btree ("user_id","factor","outcome","lag_days");--> statement-breakpoint
CREATE INDEX "patterns_user_type_idx" ON "patterns" USING btree ("user_id","pattern_type");--> statement-breakpoint
CREATE UNIQUE INDEX "refresh_user_week_idx" ON "brief_refresh_usage" USING btree ("user_id","week_of");--> statement-breakpoint
CREATE INDEX "insights_user_week_idx" ON "health_insights" USING btree ("user_id","week_of");--> statement-breakpoint
CREATE INDEX "insights_story_idx" ON "health_insights" USING btree ("story_id");--> statement-breakpoint
CREATE INDEX "predictions_user_week_idx" ON "health_predictions" USING btree ("user_id","week_of");--> statement-breakpoint
CREATE UNIQUE INDEX "intel_analytics_user_week_idx" ON "intelligence_analytics" USING btree ("user_id","week_of");--> statement-breakpoint
CREATE INDEX "shadow_user_week_idx" ON "shadow_patterns" USING btree ("user_id","week_of");--> statement-breakpoint
CREATE INDEX "moves_user_week_idx" ON "strategic_moves" USING btree ("user_id","week_of");--> statement-breakpoint
CREATE UNIQUE INDEX "brief_state_user_week_idx" ON "weekly_brief_state" USING btree ("user_id","week_of");--> statement-breakpoint
CREATE UNIQUE INDEX "stories_user_week_idx" ON "weekly_health_stories" USING btree ("user_id","week_of");--> statement-breakpoint
CREATE INDEX "export_history_user_idx" ON "export_history" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "share_views_link_idx" ON "share_link_views" USING btree ("share_link_id");--> statement-breakpoint
CREATE UNIQUE INDEX "share_links_hash_idx" ON "share_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "share_links_user_idx" ON "share_links" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_habit_day_idx" ON "check_ins" USING btree ("habit_id","day");--> statement-breakpoint
CREATE INDEX "check_ins_user_day_idx" ON "check_ins" USING btree ("user_id","day");--> statement-breakpoint
CREATE INDEX "goals_user_idx" ON "goals" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "feed_mentor_time_idx" ON "group_feed_posts" USING btree ("mentor_id","created_at");--> statement-breakpoint
CREATE INDEX "habits_user_idx" ON "habits" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "journal_user_time_idx" ON "journal_entries" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "mentor_interactions_pair_idx" ON "mentor_interactions" USING btree ("mentor_id","mentee_id");--> statement-breakpoint
CREATE INDEX "messages_user_time_idx" ON "messages" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_idx" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_suggestions_goal_week_idx" ON "plan_suggestions" USING btree ("goal_id","week_of");--> statement-breakpoint
CREATE INDEX "subgoals_goal_idx" ON "subgoals" USING btree ("goal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "job_runs_idempotency_idx" ON "job_runs" USING btree ("function_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "job_runs_due_idx" ON "job_runs" USING btree ("status","run_after");--> statement-breakpoint
CREATE INDEX "job_runs_user_idx" ON "job_runs" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "job_runs_concurrency_idx" ON "job_runs" USING btree ("concurrency_key","status");--> statement-breakpoint
CREATE UNIQUE INDEX "job_steps_run_step_idx" ON "job_steps" USING btree ("run_id","step_id");--> statement-breakpoint
CREATE POLICY "accounts_owner" ON "accounts" AS PERMISSIVE FOR ALL TO "app_user" USING ("accounts"."user_id" = app_current_user_id()) WITH CHECK ("accounts"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "pat_owner" ON "personal_access_tokens" AS PERMISSIVE FOR ALL TO "app_user" USING ("personal_access_tokens"."user_id" = app_current_user_id()) WITH CHECK ("personal_access_tokens"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "sessions_owner" ON "sessions" AS PERMISSIVE FOR ALL TO "app_user" USING ("sessions"."user_id" = app_current_user_id()) WITH CHECK ("sessions"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "users_self" ON "users" AS PERMISSIVE FOR ALL TO "app_user" USING ("users"."id" = app_current_user_id()) WITH CHECK ("users"."id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "users_linked_read" ON "users" AS PERMISSIVE FOR SELECT TO "app_user" USING (app_is_linked("users"."id"));--> statement-breakpoint
CREATE POLICY "mentor_invites_owner" ON "mentor_invites" AS PERMISSIVE FOR ALL TO "app_user" USING ("mentor_invites"."mentor_id" = app_current_user_id()) WITH CHECK ("mentor_invites"."mentor_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "mentor_links_parties_read" ON "mentor_links" AS PERMISSIVE FOR SELECT TO "app_user" USING (app_current_user_id() in ("mentor_links"."mentor_id", "mentor_links"."mentee_id"));--> statement-breakpoint
CREATE POLICY "mentor_links_mentee_write" ON "mentor_links" AS PERMISSIVE FOR INSERT TO "app_user" WITH CHECK ("mentor_links"."mentee_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "mentor_links_mentee_update" ON "mentor_links" AS PERMISSIVE FOR UPDATE TO "app_user" USING ("mentor_links"."mentee_id" = app_current_user_id()) WITH CHECK ("mentor_links"."mentee_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "activities_owner" ON "activities" AS PERMISSIVE FOR ALL TO "app_user" USING ("activities"."user_id" = app_current_user_id()) WITH CHECK ("activities"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "daily_owner" ON "daily_aggregates" AS PERMISSIVE FOR ALL TO "app_user" USING ("daily_aggregates"."user_id" = app_current_user_id()) WITH CHECK ("daily_aggregates"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "daily_mentor_read" ON "daily_aggregates" AS PERMISSIVE FOR SELECT TO "app_user" USING (app_mentor_can("daily_aggregates"."user_id", 'glucose'));--> statement-breakpoint
CREATE POLICY "daily_steps_owner" ON "daily_steps" AS PERMISSIVE FOR ALL TO "app_user" USING ("daily_steps"."user_id" = app_current_user_id()) WITH CHECK ("daily_steps"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "glucose_owner" ON "glucose_readings" AS PERMISSIVE FOR ALL TO "app_user" USING ("glucose_readings"."user_id" = app_current_user_id()) WITH CHECK ("glucose_readings"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "notes_owner" ON "health_notes" AS PERMISSIVE FOR ALL TO "app_user" USING ("health_notes"."user_id" = app_current_user_id()) WITH CHECK ("health_notes"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "meals_owner" ON "meals" AS PERMISSIVE FOR ALL TO "app_user" USING ("meals"."user_id" = app_current_user_id()) WITH CHECK ("meals"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "sleep_owner" ON "sleep_sessions" AS PERMISSIVE FOR ALL TO "app_user" USING ("sleep_sessions"."user_id" = app_current_user_id()) WITH CHECK ("sleep_sessions"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "correlations_owner" ON "correlations" AS PERMISSIVE FOR ALL TO "app_user" USING ("correlations"."user_id" = app_current_user_id()) WITH CHECK ("correlations"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "patterns_owner" ON "patterns" AS PERMISSIVE FOR ALL TO "app_user" USING ("patterns"."user_id" = app_current_user_id()) WITH CHECK ("patterns"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "refresh_owner" ON "brief_refresh_usage" AS PERMISSIVE FOR ALL TO "app_user" USING ("brief_refresh_usage"."user_id" = app_current_user_id()) WITH CHECK ("brief_refresh_usage"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "insights_owner" ON "health_insights" AS PERMISSIVE FOR ALL TO "app_user" USING ("health_insights"."user_id" = app_current_user_id()) WITH CHECK ("health_insights"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "predictions_owner" ON "health_predictions" AS PERMISSIVE FOR ALL TO "app_user" USING ("health_predictions"."user_id" = app_current_user_id()) WITH CHECK ("health_predictions"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "intel_analytics_owner" ON "intelligence_analytics" AS PERMISSIVE FOR ALL TO "app_user" USING ("intelligence_analytics"."user_id" = app_current_user_id()) WITH CHECK ("intelligence_analytics"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "shadow_owner" ON "shadow_patterns" AS PERMISSIVE FOR ALL TO "app_user" USING ("shadow_patterns"."user_id" = app_current_user_id()) WITH CHECK ("shadow_patterns"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "moves_owner" ON "strategic_moves" AS PERMISSIVE FOR ALL TO "app_user" USING ("strategic_moves"."user_id" = app_current_user_id()) WITH CHECK ("strategic_moves"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "prefs_owner" ON "user_preferences" AS PERMISSIVE FOR ALL TO "app_user" USING ("user_preferences"."user_id" = app_current_user_id()) WITH CHECK ("user_preferences"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "brief_state_owner" ON "weekly_brief_state" AS PERMISSIVE FOR ALL TO "app_user" USING ("weekly_brief_state"."user_id" = app_current_user_id()) WITH CHECK ("weekly_brief_state"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "stories_owner" ON "weekly_health_stories" AS PERMISSIVE FOR ALL TO "app_user" USING ("weekly_health_stories"."user_id" = app_current_user_id()) WITH CHECK ("weekly_health_stories"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "export_history_owner" ON "export_history" AS PERMISSIVE FOR ALL TO "app_user" USING ("export_history"."user_id" = app_current_user_id()) WITH CHECK ("export_history"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "share_views_owner" ON "share_link_views" AS PERMISSIVE FOR ALL TO "app_user" USING ("share_link_views"."user_id" = app_current_user_id()) WITH CHECK ("share_link_views"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "share_links_owner" ON "share_links" AS PERMISSIVE FOR ALL TO "app_user" USING ("share_links"."user_id" = app_current_user_id()) WITH CHECK ("share_links"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "check_ins_owner" ON "check_ins" AS PERMISSIVE FOR ALL TO "app_user" USING ("check_ins"."user_id" = app_current_user_id()) WITH CHECK ("check_ins"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "check_ins_mentor_read" ON "check_ins" AS PERMISSIVE FOR SELECT TO "app_user" USING (app_mentor_can("check_ins"."user_id", 'goals'));--> statement-breakpoint
CREATE POLICY "goals_owner" ON "goals" AS PERMISSIVE FOR ALL TO "app_user" USING ("goals"."user_id" = app_current_user_id()) WITH CHECK ("goals"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "goals_mentor_read" ON "goals" AS PERMISSIVE FOR SELECT TO "app_user" USING (app_mentor_can("goals"."user_id", 'goals'));--> statement-breakpoint
CREATE POLICY "feed_group_read" ON "group_feed_posts" AS PERMISSIVE FOR SELECT TO "app_user" USING ("group_feed_posts"."mentor_id" = app_current_user_id() or app_is_mentee_of("group_feed_posts"."mentor_id"));--> statement-breakpoint
CREATE POLICY "feed_author_write" ON "group_feed_posts" AS PERMISSIVE FOR INSERT TO "app_user" WITH CHECK ("group_feed_posts"."author_id" = app_current_user_id() and ("group_feed_posts"."mentor_id" = app_current_user_id() or app_is_mentee_of("group_feed_posts"."mentor_id")));--> statement-breakpoint
CREATE POLICY "feed_author_delete" ON "group_feed_posts" AS PERMISSIVE FOR DELETE TO "app_user" USING ("group_feed_posts"."author_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "habits_owner" ON "habits" AS PERMISSIVE FOR ALL TO "app_user" USING ("habits"."user_id" = app_current_user_id()) WITH CHECK ("habits"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "habits_mentor_read" ON "habits" AS PERMISSIVE FOR SELECT TO "app_user" USING (app_mentor_can("habits"."user_id", 'goals'));--> statement-breakpoint
CREATE POLICY "journal_owner" ON "journal_entries" AS PERMISSIVE FOR ALL TO "app_user" USING ("journal_entries"."user_id" = app_current_user_id()) WITH CHECK ("journal_entries"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "journal_mentor_read" ON "journal_entries" AS PERMISSIVE FOR SELECT TO "app_user" USING (app_mentor_can("journal_entries"."user_id", 'journal'));--> statement-breakpoint
CREATE POLICY "mentor_interactions_read" ON "mentor_interactions" AS PERMISSIVE FOR SELECT TO "app_user" USING (app_current_user_id() in ("mentor_interactions"."mentor_id", "mentor_interactions"."mentee_id"));--> statement-breakpoint
CREATE POLICY "mentor_interactions_insert" ON "mentor_interactions" AS PERMISSIVE FOR INSERT TO "app_user" WITH CHECK ("mentor_interactions"."mentor_id" = app_current_user_id() and app_mentor_can("mentor_interactions"."mentee_id", 'goals'));--> statement-breakpoint
CREATE POLICY "messages_owner" ON "messages" AS PERMISSIVE FOR ALL TO "app_user" USING ("messages"."user_id" = app_current_user_id()) WITH CHECK ("messages"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "notifications_owner" ON "notifications" AS PERMISSIVE FOR ALL TO "app_user" USING ("notifications"."user_id" = app_current_user_id()) WITH CHECK ("notifications"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "plan_suggestions_owner" ON "plan_suggestions" AS PERMISSIVE FOR ALL TO "app_user" USING ("plan_suggestions"."user_id" = app_current_user_id()) WITH CHECK ("plan_suggestions"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "plan_suggestions_mentor_read" ON "plan_suggestions" AS PERMISSIVE FOR SELECT TO "app_user" USING (app_mentor_can("plan_suggestions"."user_id", 'goals'));--> statement-breakpoint
CREATE POLICY "subgoals_owner" ON "subgoals" AS PERMISSIVE FOR ALL TO "app_user" USING ("subgoals"."user_id" = app_current_user_id()) WITH CHECK ("subgoals"."user_id" = app_current_user_id());--> statement-breakpoint
CREATE POLICY "subgoals_mentor_read" ON "subgoals" AS PERMISSIVE FOR SELECT TO "app_user" USING (app_mentor_can("subgoals"."user_id", 'goals'));--> statement-breakpoint
CREATE POLICY "job_runs_owner" ON "job_runs" AS PERMISSIVE FOR ALL TO "app_user" USING ("job_runs"."user_id" = app_current_user_id()) WITH CHECK ("job_runs"."user_id" = app_current_user_id());