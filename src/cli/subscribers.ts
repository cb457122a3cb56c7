// npm run subscribers -- list | export | delete <email>: the operator's view of the subscriber list.
import { openConfiguredStore } from "@/server/store/open-store";
import { deleteSubscriber, listSubscribers, subscribersCsv } from "@/server/subscriptions/subscriber-admin";

const USAGE = "usage: npm run subscribers -- list | export > subscribers.csv | delete <email>";

export async function runSubscribersCli(
  args: string[],
  out: (text: string) => void = (t) => process.stdout.write(t),
): Promise<number> {
  const [command, email] = args;
  if (command !== "list" && command !== "export" && command !== "delete") {
    out(`${USAGE}\n`);
    return 2;
  }
  if (command === "delete" && !email) {
    out(`delete needs an email address\n${USAGE}\n`);
    return 2;
  }
  const store = await openConfiguredStore();
  try {
    if (command === "export") {
      out(await subscribersCsv(store));
      return 0;
    }
    if (command === "delete") {
      const deleted = await deleteSubscriber(store, email!);
      out(deleted ? `Deleted ${email} and all of their data.\n` : `No subscriber with address ${email}.\n`);
      return deleted ? 0 : 1;
    }
    const rows = await listSubscribers(store);
    for (const row of rows) {
      out(
        `${String(row.id).padStart(5)}  ${row.status.padEnd(12)}  ${row.email}  [${row.topics.join(", ")}]  since ${row.createdAt.toISOString().slice(0, 10)}\n`,
      );
    }
    out(`${rows.length} subscriber${rows.length === 1 ? "" : "s"}: ${countBy(rows.map((r) => r.status))}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

function countBy(values: string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([key, n]) => `${n} ${key}`).join(", ") || "none";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runSubscribersCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
