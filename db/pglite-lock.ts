import fs from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/errors";

/**
 * PGlite has no lock of its own: two processes on one data directory lose data or leave it
 * unopenable (`PANIC: could not locate a valid checkpoint record`). We hold `<dir>.lock` with our PID
 * for the life of the process, and refuse a second live process at once, naming the holder.
 * A lock left by a dead process (crash, kill -9) is taken over.
 */
export function acquireDirectoryLock(dataDir: string): { release: () => void } {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      fs.closeSync(fd);
      const release = () => {
        try {
          const holder = readHolder(lockPath);
          if (holder?.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = readHolder(lockPath);
      if (holder && holder.pid === process.pid) {
        // Same process (another module instance): the caller shares the open instance.
        return { release: () => {} };
      }
      if (holder && isAlive(holder.pid)) {
        throw new AppError(
          "conflict:database_locked",
          `The embedded database at ${path.resolve(dataDir)} is in use by another Proxima process (PID ${holder.pid}, started ${holder.startedAt}). ` +
            `Stop that process first, or point PGLITE_DIR at another folder. Two processes on one PGlite directory would corrupt it.`,
          { details: { pid: holder.pid } },
        );
      }
      // Stale lock from a process that no longer exists: remove it and try again.
      try {
        fs.unlinkSync(lockPath);
      } catch {
        /* raced with another taker; loop */
      }
    }
  }
  throw new AppError("conflict:database_locked", `Could not take the lock on ${lockPath}. Try again.`);
}

function readHolder(lockPath: string): { pid: number; startedAt: string } | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, "utf8"));
    return typeof parsed?.pid === "number" ? parsed : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else — still alive.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
