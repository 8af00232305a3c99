-- The request role and the helper functions that row-level security policies call.
-- drizzle-kit emits neither roles nor grants; roles are cluster-wide, so creation is idempotent.
DO $$ BEGIN
  CREATE ROLE app_user NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
--> statement-breakpoint
-- The migrating owner must be able to `SET LOCAL ROLE app_user` (needed on Neon, harmless elsewhere).
DO $$ BEGIN
  EXECUTE format('GRANT app_user TO %I', current_user);
EXCEPTION WHEN others THEN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_current_user_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
-- plpgsql (not sql) so the body is not checked before the mentor_links table exists.
CREATE OR REPLACE FUNCTION app_mentor_can(mentee uuid, scope text) RETURNS boolean
  LANGUAGE plpgsql STABLE
  AS $$
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM mentor_links ml
    WHERE ml.mentor_id = app_current_user_id()
      AND ml.mentee_id = mentee
      AND ml.status = 'active'
      AND (scope = 'goals' OR (scope = 'glucose' AND ml.share_glucose) OR (scope = 'journal' AND ml.share_journal))
  );
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_is_linked(other uuid) RETURNS boolean
  LANGUAGE plpgsql STABLE
  AS $$
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM mentor_links ml
    WHERE ml.status = 'active'
      AND ((ml.mentor_id = app_current_user_id() AND ml.mentee_id = other)
        OR (ml.mentee_id = app_current_user_id() AND ml.mentor_id = other))
  );
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_is_mentee_of(mentor uuid) RETURNS boolean
  LANGUAGE plpgsql STABLE
  AS $$
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM mentor_links ml
    WHERE ml.status = 'active' AND ml.mentor_id = mentor AND ml.mentee_id = app_current_user_id()
  );
END $$;
