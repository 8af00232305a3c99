CREATE TABLE "inngest_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"function_id" text NOT NULL,
	"event_name" text NOT NULL,
	"event_id" text NOT NULL,
	"status" "job_status" DEFAULT 'queued' NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer NOT NULL,
	"progress" jsonb,
	"progress_seq" integer DEFAULT 0 NOT NULL,
	"output" jsonb,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "inngest_tasks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "inngest_tasks" ADD CONSTRAINT "inngest_tasks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inngest_tasks_event_function_idx" ON "inngest_tasks" USING btree ("event_id","function_id");--> statement-breakpoint
CREATE INDEX "inngest_tasks_user_idx" ON "inngest_tasks" USING btree ("user_id");--> statement-breakpoint
CREATE POLICY "inngest_tasks_owner" ON "inngest_tasks" AS PERMISSIVE FOR ALL TO "app_user" USING ("inngest_tasks"."user_id" = app_current_user_id()) WITH CHECK ("inngest_tasks"."user_id" = app_current_user_id());