import { and, desc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import { goals, habits, planSuggestions } from "@/db/schema";
import type { Tx } from "@/db/client";
import { AppError } from "@/lib/errors";
import type { PlanAdjustment } from "@/lib/goals/types";
import { withViewer, type Viewer } from "./context";

export type StoredSuggestion = {
  id: string;
  goalId: string;
  goalTitle: string;
  weekOf: string;
  adjustment: PlanAdjustment;
  rationale: string | null;
  provider: string | null;
  status: "pending" | "accepted" | "rejected";
  decidedAt: Date | null;
  createdAt: Date;
};

/**
 * Stores one week's suggestions for the member (the Wednesday job runs as the member). One per goal
 * and week: a retried job changes nothing, and a suggestion already decided is never overwritten.
 */
export async function storePlanSuggestions(viewer: Viewer, weekOf: string, adjustments: PlanAdjustment[]): Promise<number> {
  if (adjustments.length === 0) return 0;
  const rows = await withViewer(viewer, (tx) =>
    tx
      .insert(planSuggestions)
      .values(
        adjustments.map((a) => ({
          userId: viewer.userId, goalId: a.goalId, weekOf, suggestion: a as unknown as Record<string, unknown>, rationale: a.rationale, provider: a.provider,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: planSuggestions.id }),
  );
  return rows.length;
}

/** The member's suggestions, pending first, then the latest decided ones. */
export async function listPlanSuggestions(viewer: Viewer, limit = 20): Promise<StoredSuggestion[]> {
  const rows = await withViewer(viewer, (tx) =>
    tx
      .select({ s: planSuggestions, goalTitle: goals.title })
      .from(planSuggestions)
      .innerJoin(goals, eq(goals.id, planSuggestions.goalId))
      .where(eq(planSuggestions.userId, viewer.userId))
      .orderBy(desc(planSuggestions.weekOf), desc(planSuggestions.createdAt))
      .limit(limit),
  );
  // Only the latest week's suggestion of each goal can still be pending; older ones were replaced.
  const latestWeek = new Map<string, string>();
  for (const { s } of rows) if ((latestWeek.get(s.goalId) ?? "") < s.weekOf) latestWeek.set(s.goalId, s.weekOf);
  return rows
    .filter(({ s }) => s.status !== "pending" || s.weekOf === latestWeek.get(s.goalId))
    .map(({ s, goalTitle }) => ({
      id: s.id, goalId: s.goalId, goalTitle, weekOf: s.weekOf, adjustment: s.suggestion as unknown as PlanAdjustment,
      rationale: s.rationale, provider: s.provider, status: s.status, decidedAt: s.decidedAt, createdAt: s.createdAt,
    }))
    .sort((a, b) => Number(b.status === "pending") - Number(a.status === "pending"));
}

/**
 * Accepting applies the change to the member's plan and marks the suggestion, in one transaction;
 * rejecting only marks it. Deciding twice is refused with a sentence, so a stale tab cannot apply a
 * change a second time.
 */
export async function decidePlanSuggestion(viewer: Viewer, suggestionId: string, decision: "accept" | "reject"): Promise<void> {
  if (!z.uuid().safeParse(suggestionId).success) throw new AppError("not_found:suggestion", "That suggestion does not exist.");
  await withViewer(viewer, async (tx) => {
    const [row] = await tx
      .select()
      .from(planSuggestions)
      .where(and(eq(planSuggestions.id, suggestionId), eq(planSuggestions.userId, viewer.userId)))
      .for("update");
    if (!row) throw new AppError("not_found:suggestion", "That suggestion does not exist.");
    if (row.status !== "pending") throw new AppError("conflict:suggestion", `You already ${row.status} this suggestion.`);
    if (decision === "accept") {
      // Suggestions set absolute values: an old one accepted after a newer one would undo it.
      const [newer] = await tx
        .select({ id: planSuggestions.id })
        .from(planSuggestions)
        .where(and(eq(planSuggestions.goalId, row.goalId), gt(planSuggestions.weekOf, row.weekOf)))
        .limit(1);
      if (newer) throw new AppError("gone:suggestion", "A newer suggestion for this goal replaced this one; decide on that one instead.");
      const [goal] = await tx.select({ status: goals.status }).from(goals).where(eq(goals.id, row.goalId));
      if (goal?.status !== "active") throw new AppError("conflict:suggestion", "This goal is not active any more; resume it before changing its plan.");
      await applyAdjustment(tx, viewer, row.goalId, row.suggestion as unknown as PlanAdjustment);
    }
    await tx
      .update(planSuggestions)
      .set({ status: decision === "accept" ? "accepted" : "rejected", decidedAt: new Date() })
      .where(eq(planSuggestions.id, suggestionId));
  });
}

async function applyAdjustment(tx: Tx, viewer: Viewer, goalId: string, adjustment: PlanAdjustment): Promise<void> {
  const change = adjustment.change;
  switch (change.kind) {
    case "keep":
      return;
    case "add_habit":
      await tx.insert(habits).values({
        userId: viewer.userId, goalId, title: change.habit.title, schedule: change.habit.schedule, skipBudgetPerWeek: change.habit.skipBudgetPerWeek,
      });
      return;
    case "reduce_frequency":
    case "increase_frequency":
    case "raise_skip_budget": {
      const [habit] = await tx
        .select()
        .from(habits)
        .where(and(eq(habits.id, change.habitId), eq(habits.userId, viewer.userId), eq(habits.goalId, goalId)));
      if (!habit) throw new AppError("gone:suggestion", "The habit this suggestion was about no longer exists; reject it instead.");
      const set =
        change.kind === "raise_skip_budget"
          ? { skipBudgetPerWeek: change.skipBudgetPerWeek }
          : { schedule: change.timesPerWeek >= 7 ? ({ kind: "daily" } as const) : ({ kind: "weekly", timesPerWeek: change.timesPerWeek } as const) };
      await tx.update(habits).set(set).where(eq(habits.id, habit.id));
      return;
    }
  }
}
