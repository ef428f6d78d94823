/**
 * A new competency's id: "c" and 24 base-36 characters from the browser's or
 * Node's random generator, like the database's cuids. It never changes, so
 * evidence, comments and feedback can point at it; made once, where the
 * competency is added.
 */
export const COMPETENCY_ID_PATTERN = /^[a-z0-9]{8,40}$/;

export function newCompetencyId(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  return `c${Array.from(bytes, (byte) => (byte % 36).toString(36)).join("")}`;
}
