// The one way into the data layer: openStore(url) picks the engine by the URL's scheme; getStore() is the
// process-wide store of the configured DATABASE_URL. It lives on globalThis keyed by URL, so every bundle
// Next.js builds (app router, pages router) and every hot reload shares one store and its caches.
import { env } from "@/env";
import { isPostgresUrl, openPostgresStore } from "./postgres/postgres-store";
import { openSqliteStore } from "./sqlite/sqlite-store";
import type { Store, StoreSettings } from "./store";

/** Opens the store at `url`, migrated and ready: file: URLs are SQLite, postgresql:// URLs PostgreSQL. */
export function openStore(url: string, settings: StoreSettings): Promise<Store> {
  if (url.startsWith("file:")) return openSqliteStore(url, settings);
  if (isPostgresUrl(url)) return openPostgresStore(url, settings);
  throw new Error(
    `DATABASE_URL "${url.replace(/\/\/[^@]*@/, "//***@")}" is not supported: use a file: URL (SQLite) or a postgresql:// URL`,
  );
}

const STORES = Symbol.for("paper-digest.stores");
const registry = ((globalThis as Record<symbol, unknown>)[STORES] ??= new Map<string, Promise<Store>>()) as Map<
  string,
  Promise<Store>
>;

/** A store of its own on DATABASE_URL, for a command-line run (close it when done). */
export function openConfiguredStore(): Promise<Store> {
  const settings = env();
  return openStore(settings.databaseUrl, { halfLifeHours: settings.TRENDING_HALF_LIFE_HOURS });
}

/** The process-wide store of DATABASE_URL (opened on first use). */
export function getStore(): Promise<Store> {
  const settings = env();
  let store = registry.get(settings.databaseUrl);
  if (!store) {
    store = openConfiguredStore();
    // A failed open is not cached: the next request tries again (e.g. after the database was restored).
    store.catch(() => registry.delete(settings.databaseUrl));
    registry.set(settings.databaseUrl, store);
  }
  return store;
}

/** Closes every process-wide store (a stopping process); a later getStore() would open a new one. */
export async function closeStores(): Promise<void> {
  const open = [...registry.values()];
  registry.clear();
  await Promise.all(open.map(async (store) => (await store.catch(() => null))?.close()));
}

/** Makes `store` the process-wide store of `url` (tests point route handlers at a temporary database). */
export function useStore(url: string, store: Store): void {
  registry.set(url, Promise.resolve(store));
}
