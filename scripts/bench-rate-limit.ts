// npm run bench:rate-limit: what one rate-limit check costs a request now that the windows live in the
// database (one upsert per check, plus the key's HMAC). Times 5,000 sequential checks over 200 client keys
// on a fresh database, wall and CPU per check, then 5,000 more sent 20 at a time (concurrent requests).
// Usage: npm run bench:rate-limit [-- --engine sqlite|postgres] (see scripts/bench-database.ts)
import os from "node:os";
import { createRateLimiter } from "../src/server/platform/rate-limiter";
import { openStore } from "../src/server/store/open-store";
import { benchDatabase } from "./bench-database";

const CHECKS = 5_000;
const KEYS = 200;
const NOW = new Date("2026-11-30T10:00:00.000Z");

async function main(): Promise<void> {
  process.env.SECRET_KEY ??= "bench-rate-limit-secret-key-0123456789abcdef";
  const bench = await benchDatabase("rate_limit");
  const store = await openStore(bench.url, { halfLifeHours: 24 });
  const limiter = createRateLimiter({ scope: "bench", limit: 1_000_000, windowMs: 60_000 });
  try {
    for (let i = 0; i < 200; i++) await limiter.hit(store, `198.51.100.${i % KEYS}`, NOW);
    const times: number[] = [];
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < CHECKS; i++) {
      const t0 = performance.now();
      await limiter.hit(store, `198.51.100.${i % KEYS}`, new Date(NOW.getTime() + i));
      times.push(performance.now() - t0);
    }
    const wall = performance.now() - started;
    const cpu = process.cpuUsage(cpu0);
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.floor(q * (times.length - 1))]!.toFixed(3);
    console.log(
      `bench:rate-limit on ${bench.engine}: ${CHECKS} sequential checks, ${(wall / CHECKS).toFixed(3)} ms each on average ` +
        `(p50 ${at(0.5)} · p95 ${at(0.95)} ms), CPU of this process ${((cpu.user + cpu.system) / 1000 / CHECKS).toFixed(3)} ms per check`,
    );
    const concurrentStart = performance.now();
    for (let i = 0; i < CHECKS; i += 20)
      await Promise.all(
        Array.from({ length: 20 }, (_, k) =>
          limiter.hit(store, `203.0.113.${(i + k) % KEYS}`, new Date(NOW.getTime() + i)),
        ),
      );
    const concurrent = performance.now() - concurrentStart;
    console.log(`  20 at a time: ${Math.round(CHECKS / (concurrent / 1000)).toLocaleString("en-US")} checks/s`);
    console.log(
      `  load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} on ${os.cpus().length} CPUs`,
    );
  } finally {
    await store.close();
    await bench.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
