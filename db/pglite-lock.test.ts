import { describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { acquireDirectoryLock } from "./pglite-lock";

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "proxima-lock-"));
}

describe("PGlite directory lock", () => {
  it("refuses a second live process and names the holder's PID", async () => {
    const dir = path.join(tempDir(), "pglite");
    // Another process (a sleeping node) takes the lock by writing its PID, as a real holder would.
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"], { stdio: "ignore" });
    try {
      fs.writeFileSync(`${dir}.lock`, JSON.stringify({ pid: child.pid, startedAt: "2026-01-01T00:00:00Z" }));
      expect(() => acquireDirectoryLock(dir)).toThrow(new RegExp(`in use by another Proxima process \\(PID ${child.pid}`));
      // The holder's lock is untouched.
      expect(JSON.parse(fs.readFileSync(`${dir}.lock`, "utf8")).pid).toBe(child.pid);
    } finally {
      child.kill();
    }
  });

  it("takes over a stale lock left by a dead process", async () => {
    const dir = path.join(tempDir(), "pglite");
    const child = spawn(process.execPath, ["-e", "0"], { stdio: "ignore" });
    await new Promise((r) => child.on("exit", r));
    fs.writeFileSync(`${dir}.lock`, JSON.stringify({ pid: child.pid, startedAt: "2026-01-01T00:00:00Z" }));
    const lock = acquireDirectoryLock(dir);
    expect(JSON.parse(fs.readFileSync(`${dir}.lock`, "utf8")).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it("lets the same process share its own lock", () => {
    const dir = path.join(tempDir(), "pglite");
    const first = acquireDirectoryLock(dir);
    expect(() => acquireDirectoryLock(dir)).not.toThrow();
    first.release();
  });
});
