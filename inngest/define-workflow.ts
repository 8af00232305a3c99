import { durationToMs, type InngestFunction, type TimeStr } from "inngest";
import type { Jsonify } from "inngest/types";
import { inngest } from "./client";
import { parseCronExpression, type CronExpression } from "./cron-expression";
import { parseEventData, SCHEDULED_EVENT_NAME, type EventData, type EventName, type OutgoingEvent } from "./events";
import { AppError } from "@/lib/errors";
import { completeInngestTask, failInngestTask, markInngestTaskRunning, setInngestTaskProgress, type TaskKey } from "@/db/queries/inngest-tasks";
import { publicMessageOfFailure } from "./runner/run-errors";

/**
 * ONE way to declare a workflow (DESIGN decision 6). `defineWorkflow` returns both the Inngest function
 * (same id, trigger, retries, concurrency, throttle and onFailure) and the registration the embedded
 * runner executes, so the same handler code runs under Inngest and without it.
 */

export type WorkflowTrigger = { event: EventName } | { cron: string };

export type TriggeredEvent<N extends EventName> = { name: N; data: EventData<N>; id?: string; ts: number };
/** What Inngest hands a cron-triggered function; the embedded runner sets `ts` to the schedule tick. */
export type ScheduledEvent = { name: typeof SCHEDULED_EVENT_NAME; data: { cron: string }; id?: string; ts: number };
export type EventForTrigger<T extends WorkflowTrigger> = T extends { event: infer N extends EventName } ? TriggeredEvent<N> : ScheduledEvent;

/**
 * The step tools a handler gets. Code outside `step.run` runs again on every replay (Inngest) or
 * retry (embedded runner): reads and writes belong inside steps (house style).
 */
export type StepTools = {
  /** Runs `fn` once per run: a finished step returns its stored result (JSON: a Date comes back as a string). */
  run<T>(id: string, fn: () => T | Promise<T>): Promise<Jsonify<T>>;
  /** Sends events as one memoized step; each event is validated against inngest/events.ts. */
  sendEvent(id: string, events: OutgoingEvent | OutgoingEvent[]): Promise<{ ids: string[] }>;
  /** Pauses the run (durably: the embedded runner re-queues it, no timer is held). */
  sleep(id: string, duration: number | TimeStr): Promise<void>;
  /**
   * Reports progress for the task-status API (job_runs.progress; inngest_tasks.progress under Inngest).
   * Not a step: it is written at once. The embedded runner may write it again on a retry; under
   * Inngest a replay's repeated reports are ignored, only later ones are stored.
   */
  progress(data: Record<string, unknown>): Promise<void>;
};

export type WorkflowContext<T extends WorkflowTrigger> = {
  event: EventForTrigger<T>;
  step: StepTools;
  /** 0 on the first attempt, 1 on the first retry… (Inngest's meaning). */
  attempt: number;
  runId: string;
};

export type FailureInfo = { name: string; message: string };

export type FailureContext<T extends WorkflowTrigger> = {
  /** The failed run's triggering event. */
  event: EventForTrigger<T>;
  error: FailureInfo;
  /** The failed run's id. */
  failedRunId: string;
  step: StepTools;
};

/** `event.data.<field>[.<field>…]`: the part of Inngest's CEL key expressions the embedded runner evaluates too. */
export type DataKeyExpression = `event.data.${string}`;

type Retries = NonNullable<InngestFunction.Options["retries"]>;

export type WorkflowOptions<T extends WorkflowTrigger> = {
  /** kebab-case, stable across deploys (it keys Inngest state and job_runs.function_id). */
  id: string;
  name?: string;
  description?: string;
  trigger: T;
  /** Retries after the first attempt (Inngest's default: 3, so 4 attempts). */
  retries?: Retries;
  /** One running run per key value (e.g. per person). `scope: "env"` shares the key across workflows. */
  concurrency?: { key: DataKeyExpression; limit: 1; scope?: "fn" | "env" };
  /** At most `limit` run starts per `period` (per key value when `key` is set); extra runs wait. */
  throttle?: { limit: number; period: TimeStr; key?: DataKeyExpression };
  /** Called once after the last attempt failed (a separate, durable run in both modes). */
  onFailure?: (ctx: FailureContext<T>) => Promise<unknown>;
};

export type WorkflowHandler<T extends WorkflowTrigger, R> = (ctx: WorkflowContext<T>) => Promise<R>;

/** What the embedded runner needs, with the key expressions already compiled. */
export type EmbeddedRegistration = {
  functionId: string;
  eventName: EventName | undefined;
  cron: (CronExpression & { expression: string }) | undefined;
  maxAttempts: number;
  concurrencyKeyFor(data: unknown): string | null;
  throttleFor(data: unknown): { limit: number; periodMs: number; keyPath: string[] | null; keyValue: string | null } | null;
  execute(ctx: { event: { name: string; data: unknown; id?: string; ts: number }; step: StepTools; attempt: number; runId: string }): Promise<unknown>;
  /** The failure handler as its own function (`<id>-failure`, Inngest's naming), when onFailure is set. */
  failure: { functionId: string; execute(ctx: { event: FailureEventData; step: StepTools }): Promise<unknown> } | undefined;
};

/** Payload of the `inngest/function.failed` event (Inngest's field names). */
export type FailureEventData = { event: { name: string; data: unknown; id?: string; ts: number }; error: FailureInfo; function_id: string; run_id: string };

/** What the registry, the serve handler and the embedded runner need of any workflow. */
export type RegisteredWorkflow = {
  id: string;
  inngestFunction: InngestFunction.Any;
  embedded: EmbeddedRegistration;
};

export type Workflow<T extends WorkflowTrigger = WorkflowTrigger> = RegisteredWorkflow & { options: WorkflowOptions<T> };

export const FAILURE_SUFFIX = "-failure";
export const FAILURE_EVENT_NAME = "inngest/function.failed";
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function defineWorkflow<const T extends WorkflowTrigger, R>(options: WorkflowOptions<T>, handler: WorkflowHandler<T, R>): Workflow<T> {
  if (!KEBAB.test(options.id)) throw new AppError("internal:workflow", `Workflow id "${options.id}" must be kebab-case.`);
  const cron = "cron" in options.trigger ? { ...parseCronExpression(options.trigger.cron), expression: options.trigger.cron } : undefined;
  const eventName = "event" in options.trigger ? options.trigger.event : undefined;
  const concurrencyPath = options.concurrency ? compileDataPath(options.concurrency.key) : null;
  const throttlePath = options.throttle?.key ? compileDataPath(options.throttle.key) : null;
  const throttlePeriodMs = options.throttle ? periodToMs(options.throttle.period) : 0;

  const embedded: EmbeddedRegistration = {
    functionId: options.id,
    eventName,
    cron,
    maxAttempts: (options.retries ?? 3) + 1,
    concurrencyKeyFor(data) {
      if (!options.concurrency || !concurrencyPath) return null;
      const value = toKeyValue(readPath(data, concurrencyPath));
      return options.concurrency.scope === "env" ? `env:${value}` : `${options.id}:${value}`;
    },
    throttleFor(data) {
      if (!options.throttle) return null;
      return {
        limit: options.throttle.limit,
        periodMs: throttlePeriodMs,
        keyPath: throttlePath,
        keyValue: throttlePath ? toKeyValue(readPath(data, throttlePath)) : null,
      };
    },
    execute: (ctx) => handler(ctx as WorkflowContext<T>),
    failure: options.onFailure
      ? {
          functionId: `${options.id}${FAILURE_SUFFIX}`,
          execute: ({ event, step }) =>
            options.onFailure!({ event: event.event as EventForTrigger<T>, error: event.error, failedRunId: event.run_id, step }),
        }
      : undefined,
  };

  return { id: options.id, options, inngestFunction: toInngestFunction(options, handler), embedded };
}

/**
 * The same options and handler as an Inngest v4 function (triggers live in the options object in v4).
 * A run of an event with an owner also keeps its inngest_tasks row (created by `sendEvent`) up to
 * date: running at the start, progress, completed with the output, failed with the public sentence.
 * An event-triggered workflow always gets an onFailure under Inngest for that (the declared one still runs).
 */
function toInngestFunction<T extends WorkflowTrigger, R>(options: WorkflowOptions<T>, handler: WorkflowHandler<T, R>): InngestFunction.Any {
  const { onFailure } = options;
  const recordsTasks = "event" in options.trigger;
  const config = {
    id: options.id,
    name: options.name,
    description: options.description,
    triggers: [options.trigger],
    retries: options.retries,
    concurrency: options.concurrency && { key: options.concurrency.key, limit: options.concurrency.limit, scope: options.concurrency.scope },
    throttle: options.throttle && { key: options.throttle.key, limit: options.throttle.limit, period: options.throttle.period },
    onFailure:
      onFailure || recordsTasks
        ? async (ctx: InngestContext & { error: Error; event: { data: FailureEventData } }) => {
            const failed = ctx.event.data.event;
            const task = taskKeyOf(failed, options.id);
            if (task) await failInngestTask({ ...task, publicMessage: publicMessageOfFailure(ctx.error), now: new Date() });
            return onFailure?.({
              event: failed as EventForTrigger<T>,
              error: { name: ctx.error?.name ?? "Error", message: ctx.error?.message ?? "" },
              failedRunId: ctx.event.data.run_id,
              step: inngestStepTools(ctx, null),
            });
          }
        : undefined,
  };
  const fn = (inngest.createFunction as unknown as (config: unknown, handler: (ctx: InngestContext) => Promise<unknown>) => InngestFunction.Any)(
    config,
    async (ctx) => {
      const task = recordsTasks ? taskKeyOf(ctx.event, options.id) : null;
      // Code outside steps runs again on every replay: these writes change nothing the second time.
      if (task) await markInngestTaskRunning({ ...task, attempt: ctx.attempt + 1, now: new Date() });
      const output = await handler({ event: ctx.event as EventForTrigger<T>, step: inngestStepTools(ctx, task), attempt: ctx.attempt, runId: ctx.runId });
      if (task) await completeInngestTask({ ...task, output: toJson(output), now: new Date() });
      return output;
    },
  );
  return fn;
}

/** Which inngest_tasks row a run reports to: its event's id and the workflow id; none without an owner. */
function taskKeyOf(event: { data: unknown; id?: string } | undefined, functionId: string): TaskKey | null {
  const data = event?.data as { userId?: unknown } | undefined;
  if (!event?.id || typeof data?.userId !== "string") return null;
  return { eventId: event.id, functionId };
}

/** Inngest stores results as JSON; the task's output is what a replay would return. */
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** The slice of Inngest's handler context we adapt (kept loose: v4's generic types depend on the client). */
type InngestContext = {
  event: { name: string; data: unknown; id?: string; ts?: number };
  attempt: number;
  runId: string;
  logger: { info: (...args: unknown[]) => void; warn: (...args: unknown[]) => void };
  step: {
    run: (id: string, fn: () => unknown) => Promise<unknown>;
    sendEvent: (id: string, payload: unknown) => Promise<{ ids: string[] }>;
    sleep: (id: string, time: number | string) => Promise<void>;
  };
};

function inngestStepTools(ctx: InngestContext, task: TaskKey | null): StepTools {
  // The n-th report of this execution: a replay repeats reports 1…k, which the store ignores.
  let seq = 0;
  return {
    run: (id, fn) => ctx.step.run(id, fn) as never,
    sendEvent: (id, events) => ctx.step.sendEvent(id, validateOutgoing(events)),
    sleep: (id, duration) => ctx.step.sleep(id, duration),
    progress: async (data) => {
      seq += 1;
      if (!task) return ctx.logger.info("progress", data);
      // Progress is a courtesy to the owner: a failed write must not fail the run (some callers do not await it).
      await setInngestTaskProgress({ ...task, seq, progress: toJson(data) as Record<string, unknown>, now: new Date() }).catch((e: unknown) =>
        ctx.logger.warn("task progress not stored", e),
      );
    },
  };
}

/** Validates outgoing events the same way in both modes; returns them as an array. */
export function validateOutgoing(events: OutgoingEvent | OutgoingEvent[]): OutgoingEvent[] {
  const list = Array.isArray(events) ? events : [events];
  return list.map((e) => ({ ...e, data: parseEventData(e.name, e.data) }) as OutgoingEvent);
}

function compileDataPath(expression: DataKeyExpression): string[] {
  const match = /^event\.data\.([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)$/.exec(expression);
  if (!match) {
    throw new AppError("internal:workflow", `Key "${expression}" must be a plain event.data path (e.g. event.data.userId): the embedded runner evaluates no other expression.`);
  }
  return match[1].split(".");
}

function readPath(data: unknown, path: string[]): unknown {
  let value: unknown = data;
  for (const part of path) value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

/** A missing value groups under "null", as Inngest's CEL evaluation of a missing field does. */
function toKeyValue(value: unknown): string {
  return value === undefined || value === null ? "null" : typeof value === "string" ? value : JSON.stringify(value);
}

function periodToMs(period: TimeStr): number {
  const ms = durationToMs(period, { name: `Throttle period "${period}"` });
  if (ms < 1000) throw new AppError("internal:workflow", `Throttle period "${period}" must be at least 1s, as Inngest requires.`);
  return ms;
}
