ALTER POLICY "daily_mentor_read" ON "daily_aggregates" TO app_user USING ("daily_aggregates"."user_id" in (select app_current_mentees('glucose')));--> statement-breakpoint
ALTER POLICY "check_ins_mentor_read" ON "check_ins" TO app_user USING ("check_ins"."user_id" in (select app_current_mentees('goals')));--> statement-breakpoint
ALTER POLICY "goals_mentor_read" ON "goals" TO app_user USING ("goals"."user_id" in (select app_current_mentees('goals')));--> statement-breakpoint
ALTER POLICY "habits_mentor_read" ON "habits" TO app_user USING ("habits"."user_id" in (select app_current_mentees('goals')));--> statement-breakpoint
ALTER POLICY "journal_mentor_read" ON "journal_entries" TO app_user USING ("journal_entries"."shared_with_mentor" and "journal_entries"."user_id" in (select app_current_mentees('journal')));--> statement-breakpoint
ALTER POLICY "plan_suggestions_mentor_read" ON "plan_suggestions" TO app_user USING ("plan_suggestions"."user_id" in (select app_current_mentees('goals')));--> statement-breakpoint
ALTER POLICY "subgoals_mentor_read" ON "subgoals" TO app_user USING ("subgoals"."user_id" in (select app_current_mentees('goals')));