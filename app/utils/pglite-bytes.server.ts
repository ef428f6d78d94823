/**
 * Prisma 6.19 sends a Bytes argument to its driver adapter as base64 text,
 * with `argTypes` saying it is bytes; @prisma/adapter-pg decodes it, but
 * pglite-prisma-adapter 0.6 passes the text on and PGlite refuses it ("Invalid
 * input for bytea type"). This wraps the PGlite adapter so such arguments
 * reach PGlite as bytes, in queries and in transactions alike.
 */
type Query = { sql: string; args: unknown[]; argTypes?: ({ scalarType?: string } | undefined)[] };

function decodeArguments(query: Query): Query {
  if (!query.argTypes?.some((type) => type?.scalarType === "bytes")) return query;
  const args = query.args.map((arg, index) => {
    if (query.argTypes?.[index]?.scalarType !== "bytes") return arg;
    if (typeof arg === "string") return Buffer.from(arg, "base64");
    if (Array.isArray(arg) && arg.every((item) => typeof item === "number")) return Buffer.from(arg as number[]);
    return arg;
  });
  return { ...query, args };
}

function wrapQueryable<T extends object>(queryable: T): T {
  return new Proxy(queryable, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      if (property === "queryRaw" || property === "executeRaw") {
        return (query: Query) => (value as (query: Query) => unknown).call(target, decodeArguments(query));
      }
      if (property === "startTransaction") {
        return async (...args: unknown[]) => wrapQueryable((await (value as (...a: unknown[]) => Promise<object>).apply(target, args)) as object);
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}

export function withBytesArguments<F extends { connect(): Promise<object> }>(factory: F): F {
  return new Proxy(factory, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property === "connect" || property === "connectToShadowDb") {
        return async () => wrapQueryable(await (value as () => Promise<object>).call(target));
      }
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
