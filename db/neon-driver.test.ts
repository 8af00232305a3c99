import { afterAll, beforeAll, describe, expect, it } from "vitest";
import net from "node:net";
import { WebSocketServer } from "ws";
import { Client } from "pg";
import crypto from "node:crypto";
import { neonConfig } from "@neondatabase/serverless";
import { sql } from "drizzle-orm";
import { getEnv } from "@/lib/env";
import { openDatabase, type DatabaseHandle } from "./client";
import * as s from "./schema";

// Neon's serverless driver speaks the Postgres protocol over a WebSocket. Against the local server we
// put a small WebSocket→TCP proxy in between (what Neon's edge does), so the real driver code path —
// pool, transactions, RLS, migrations — runs in CI without the network.
const base = getEnv().TEST_DATABASE_URL;

describe.skipIf(!base)("Neon serverless driver (through a local WebSocket proxy)", () => {
  let proxy: WebSocketServer;
  let handle: DatabaseHandle;
  const dbName = `proxima_neon_${crypto.randomBytes(5).toString("hex")}`;

  beforeAll(async () => {
    const admin = new Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();

    proxy = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    proxy.on("connection", (socket, request) => {
      const address = new URL(request.url ?? "/", "http://x").searchParams.get("address") ?? "127.0.0.1:5432";
      const [host, port] = address.split(":");
      const tcp = net.connect(Number(port), host);
      socket.on("message", (data) => tcp.write(data as Buffer));
      tcp.on("data", (data) => socket.send(data));
      socket.on("close", () => tcp.destroy());
      tcp.on("close", () => socket.close());
      tcp.on("error", () => socket.close());
    });
    await new Promise((r) => proxy.on("listening", r));
    const { port } = proxy.address() as net.AddressInfo;
    neonConfig.wsProxy = (host, p) => `127.0.0.1:${port}/v1?address=${host}:${p}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineConnect = false;

    const url = new URL(base!);
    url.pathname = `/${dbName}`;
    handle = await openDatabase({ url: url.toString(), driver: "neon", migrate: true });
  });

  afterAll(async () => {
    await handle?.close();
    proxy?.close();
    const admin = new Client({ connectionString: base });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  it("migrates, writes in a transaction and enforces row-level security", async () => {
    expect(handle.driver).toBe("neon");
    const [a, b] = await handle.db.insert(s.users).values([{ email: "na@example.com" }, { email: "nb@example.com" }]).returning();
    await handle.db.insert(s.glucoseReadings).values([
      { userId: a.id, time: new Date("2026-01-01T00:00:00Z"), mgdl: 100, source: "api" },
      { userId: b.id, time: new Date("2026-01-01T00:00:00Z"), mgdl: 200, source: "api" },
    ]);
    const visible = await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.user_id', ${a.id}, true)`);
      await tx.execute(sql`set local role app_user`);
      return tx.select().from(s.glucoseReadings);
    });
    expect(visible.map((r) => r.mgdl)).toEqual([100]);
  });
});
