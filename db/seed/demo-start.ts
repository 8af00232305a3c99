// `npm run demo` — the embedded database with demo data, then the app on http://localhost:3000.
import { spawn } from "node:child_process";
import { migrateAndSeed, printDemoLogins } from "./index";

async function main() {
  await migrateAndSeed(); // closes the database, releasing its lock for the app process
  const port = process.argv.includes("--port") ? process.argv[process.argv.indexOf("--port") + 1] : "3000";
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "dev", "-p", port], { stdio: ["inherit", "pipe", "inherit"] });
  let announced = false;
  child.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /Ready|ready/.test(chunk.toString())) {
      announced = true;
      console.log(`\nProxima is running at http://localhost:${port}`);
      printDemoLogins();
    }
  });
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
