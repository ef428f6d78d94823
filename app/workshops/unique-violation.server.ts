import { Prisma } from "~/generated/prisma/client";

/**
 * Whether `error` is a unique-constraint violation, optionally of a constraint
 * naming `column`. Outside a transaction Prisma reports it as P2002; inside an
 * interactive transaction on the driver adapters the PostgreSQL error (23505)
 * reaches us unmapped, so both shapes are recognised.
 */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code !== "P2002") return false;
    if (!column) return true;
    const meta = error.meta as { target?: unknown; driverAdapterError?: unknown } | undefined;
    // A violation that names no constraint is taken to be the one expected.
    if (meta?.target === undefined && meta?.driverAdapterError === undefined) return true;
    return JSON.stringify(meta).includes(column);
  }
  if (error === null || typeof error !== "object") return false;
  const cause = (error as { cause?: unknown }).cause;
  if (cause === null || typeof cause !== "object") return false;
  const { code, kind } = cause as { code?: unknown; kind?: unknown };
  if (code !== "23505" && kind !== "UniqueConstraintViolation") return false;
  return !column || JSON.stringify(cause).includes(column);
}
