/**
 * One instance per process, even when a module is bundled twice (the Remix
 * build and the server bundle each carry their own copy of app/ modules).
 */
const registry = globalThis as typeof globalThis & { __groundwork?: Map<string, unknown> };

export function singleton<T>(name: string, create: () => T): T {
  registry.__groundwork ??= new Map();
  if (!registry.__groundwork.has(name)) registry.__groundwork.set(name, create());
  return registry.__groundwork.get(name) as T;
}

export function setSingleton<T>(name: string, value: T | undefined): void {
  registry.__groundwork ??= new Map();
  if (value === undefined) registry.__groundwork.delete(name);
  else registry.__groundwork.set(name, value);
}

export function getSingleton<T>(name: string): T | undefined {
  return registry.__groundwork?.get(name) as T | undefined;
}
