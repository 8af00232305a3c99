-- inngest_tasks (0007) came after 0002's GRANT … ON ALL TABLES. A person only reads their own tasks
-- (RLS: inngest_tasks_owner); the system role writes them, so app_user gets SELECT and nothing more.
GRANT SELECT ON inngest_tasks TO app_user;
