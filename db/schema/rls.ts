import { sql, type SQL } from "drizzle-orm";
import { pgPolicy, pgRole, type AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * Row-level security, the second half of "authorization twice" (DESIGN decision 2).
 * Every request runs inside a transaction that did `set_config('app.user_id', …, true)` and
 * `SET LOCAL ROLE app_user`; these policies then filter rows even when a query forgets its WHERE.
 * The role and the helper functions are created in the custom migration 0000 (drizzle-kit emits
 * neither), so policies here only reference them.
 */
export const appUser = pgRole("app_user").existing();

/** The viewer's id, or NULL outside a request (then no policy matches and nothing is visible). */
export const currentUserId = sql`app_current_user_id()`;

/** Mentor access scopes, checked against consented, unrevoked mentor links. */
export type MentorScope = "goals" | "glucose" | "journal";

// The scope is one of three fixed words, inlined as a literal: policies cannot take parameters.
// An uncorrelated IN-subquery (migration 0005) is evaluated once per statement and hashed; the
// per-row app_mentor_can call it replaces dominated a mentor's reads.
export const mentorCan = (owner: AnyPgColumn, scope: MentorScope): SQL => sql`${owner} in (select app_current_mentees(${sql.raw(`'${scope}'`)}))`;

/** Owner reads and writes their own rows; nobody else sees them. */
export function ownerOnly(name: string, owner: AnyPgColumn) {
  return [
    pgPolicy(`${name}_owner`, {
      as: "permissive",
      for: "all",
      to: appUser,
      using: sql`${owner} = ${currentUserId}`,
      withCheck: sql`${owner} = ${currentUserId}`,
    }),
  ];
}

/** Owner reads and writes; a consented mentor may read (never write) within the given scope. */
export function ownerWithMentorRead(name: string, owner: AnyPgColumn, scope: MentorScope) {
  return [
    ...ownerOnly(name, owner),
    pgPolicy(`${name}_mentor_read`, {
      as: "permissive",
      for: "select",
      to: appUser,
      using: mentorCan(owner, scope),
    }),
  ];
}
