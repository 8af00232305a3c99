-- What a request (running as app_user under RLS) may touch. Tables with no personal rows for a
-- viewer (runner step memos, rate-limit counters, verification tokens) stay system-only.
GRANT USAGE ON SCHEMA public TO app_user;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO app_user;
--> statement-breakpoint
REVOKE ALL ON job_steps, rate_limits, verification_tokens FROM app_user;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO app_user;
