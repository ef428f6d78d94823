export type DuplicateReason = "sameName" | "similarName" | "sameEmail" | "samePhone";

export type DuplicateCandidate = { name: string; email?: string | null; phone?: string | null };

export type PossibleDuplicate = { id: string; reasons: DuplicateReason[] };

/** Lower case, without accents or punctuation, single spaces: "Pérez-Soto,  Ana" → "perez soto ana". */
export function normaliseName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function normaliseEmail(email: string | null | undefined): string | null {
  const value = email?.trim().toLowerCase() ?? "";
  return value.includes("@") ? value : null;
}

/**
 * The digits that identify a phone number: "+1 (555) 010-2030" and
 * "555.010.2030" are one number. Fewer than seven digits identify nothing.
 */
export function normalisePhone(phone: string | null | undefined): string | null {
  const digits = (phone ?? "").replace(/\D/g, "");
  if (digits.length < 7) return null;
  return digits.length > 10 ? digits.slice(-10) : digits;
}

type Keys = { tokens: string[]; sorted: string; email: string | null; phone: string | null };

function keysOf(person: DuplicateCandidate): Keys {
  const tokens = normaliseName(person.name).split(" ").filter(Boolean);
  return { tokens, sorted: [...tokens].sort().join(" "), email: normaliseEmail(person.email), phone: normalisePhone(person.phone) };
}

/** Edit distance, or `limit + 1` as soon as it is certain to exceed `limit`. */
function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** Typos allowed between two names: none for short names, where one letter makes another name ("Ana"/"Ava"). */
function typoAllowance(length: number): number {
  if (length >= 12) return 2;
  if (length >= 6) return 1;
  return 0;
}

function isSubsetOf(small: readonly string[], large: readonly string[]): boolean {
  const set = new Set(large);
  return small.every((token) => set.has(token));
}

function similarNames(a: Keys, b: Keys): boolean {
  const allowance = typoAllowance(Math.min(a.sorted.length, b.sorted.length));
  if (allowance > 0 && boundedDistance(a.sorted, b.sorted, allowance) <= allowance) return true;
  // "Ana Pérez" and "Ana María Pérez"; "Riverbend Rotary" and "Rotary Club of Riverbend".
  const [small, large] = a.tokens.length <= b.tokens.length ? [a.tokens, b.tokens] : [b.tokens, a.tokens];
  return small.length >= 2 && small.length < large.length && isSubsetOf(small, large);
}

function reasonsBetween(a: Keys, b: Keys): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  if (a.sorted !== "" && a.sorted === b.sorted) reasons.push("sameName");
  else if (a.sorted !== "" && b.sorted !== "" && similarNames(a, b)) reasons.push("similarName");
  if (a.email && a.email === b.email) reasons.push("sameEmail");
  if (a.phone && a.phone === b.phone) reasons.push("samePhone");
  return reasons;
}

/** Why two people may be one: the same or a similar name (in any word order, accents aside), email or phone. */
export function duplicateReasons(a: DuplicateCandidate, b: DuplicateCandidate): DuplicateReason[] {
  return reasonsBetween(keysOf(a), keysOf(b));
}

/** The people who may be the same as `candidate`, strongest match first. */
export function findPossibleDuplicates(candidate: DuplicateCandidate, people: readonly (DuplicateCandidate & { id: string })[]): PossibleDuplicate[] {
  const keys = keysOf(candidate);
  return people
    .map((person) => ({ id: person.id, reasons: reasonsBetween(keys, keysOf(person)) }))
    .filter((match) => match.reasons.length > 0)
    .sort((a, b) => strength(b.reasons) - strength(a.reasons));
}

const WEIGHT: Record<DuplicateReason, number> = { sameEmail: 4, samePhone: 4, sameName: 3, similarName: 1 };

function strength(reasons: readonly DuplicateReason[]): number {
  return reasons.reduce((sum, reason) => sum + WEIGHT[reason], 0);
}

/** For each person of a directory, the others who may be the same person. */
export function duplicateFlags(people: readonly (DuplicateCandidate & { id: string })[]): Map<string, PossibleDuplicate[]> {
  const keyed = people.map((person) => ({ id: person.id, keys: keysOf(person) }));
  const flags = new Map<string, PossibleDuplicate[]>();
  const add = (id: string, match: PossibleDuplicate) => flags.set(id, [...(flags.get(id) ?? []), match]);
  for (let i = 0; i < keyed.length; i += 1) {
    for (let j = i + 1; j < keyed.length; j += 1) {
      const a = keyed[i];
      const b = keyed[j];
      if (!a || !b) continue;
      const reasons = reasonsBetween(a.keys, b.keys);
      if (reasons.length === 0) continue;
      add(a.id, { id: b.id, reasons });
      add(b.id, { id: a.id, reasons });
    }
  }
  return flags;
}
