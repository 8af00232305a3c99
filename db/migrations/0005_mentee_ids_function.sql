-- The current mentor's mentees whose active link allows `scope`, as a set. Policies use it as
-- `owner in (select app_current_mentees(scope))`: an uncorrelated subquery PostgreSQL evaluates once
-- per statement and hashes, instead of calling app_mentor_can once per row (measured in
-- bench/mentor-ranking.ts). Same rule as app_mentor_can; SQL, STABLE, runs as the caller under RLS.
CREATE OR REPLACE FUNCTION app_current_mentees(scope text) RETURNS SETOF uuid
  LANGUAGE sql STABLE
  AS $$
    SELECT ml.mentee_id FROM mentor_links ml
    WHERE ml.mentor_id = app_current_user_id()
      AND ml.status = 'active'
      AND (scope = 'goals' OR (scope = 'glucose' AND ml.share_glucose) OR (scope = 'journal' AND ml.share_journal))
  $$;
