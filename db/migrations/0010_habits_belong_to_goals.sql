DELETE FROM "habits" WHERE "goal_id" IS NULL;--> statement-breakpoint
ALTER TABLE "habits" ALTER COLUMN "goal_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "habits" DROP COLUMN "reminder_time";