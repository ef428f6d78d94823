import { describe, expect, it } from "vitest";
import { escapeText, foldLine, serializeCalendar } from "./ics";

describe("iCalendar text", () => {
  it("escapes backslashes, semicolons, commas and line breaks", () => {
    expect(escapeText("a\\b; c, d\r\ne\nf")).toBe("a\\\\b\\; c\\, d\\ne\\nf");
  });

  it("leaves short lines alone", () => {
    expect(foldLine("SUMMARY:Back to school")).toBe("SUMMARY:Back to school");
  });

  it("folds at 75 octets with CRLF and a space", () => {
    const line = `DESCRIPTION:${"x".repeat(200)}`;
    const folded = foldLine(line);
    const pieces = folded.split("\r\n");
    expect(pieces[0]).toHaveLength(75);
    expect(pieces.slice(1).every((piece) => piece.startsWith(" ") && Buffer.byteLength(piece) <= 75)).toBe(true);
    expect(pieces.map((piece, index) => (index === 0 ? piece : piece.slice(1))).join("")).toBe(line);
  });

  it("never splits a multi-byte character", () => {
    const line = `SUMMARY:${"ñ".repeat(80)}`;
    const pieces = foldLine(line).split("\r\n");
    for (const piece of pieces) {
      expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(75);
      expect(piece).not.toContain("\uFFFD");
    }
    expect(pieces.map((piece, index) => (index === 0 ? piece : piece.slice(1))).join("")).toBe(line);
  });
});

describe("calendar", () => {
  it("writes one all-day event per item with CRLF line ends", () => {
    const text = serializeCalendar("Riverbend, plan", [
      {
        uid: "c1@groundwork",
        date: new Date("2026-12-03T00:00:00Z"),
        summary: "Families: newsletter; winter",
        description: "Channel: newsletter",
        status: "draft",
        updatedAt: new Date("2026-11-23T10:05:09.123Z"),
      },
    ]);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n")).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Groundwork//Communications plan//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "X-WR-CALNAME:Riverbend\\, plan",
      "BEGIN:VEVENT",
      "UID:c1@groundwork",
      "DTSTAMP:20261123T100509Z",
      "DTSTART;VALUE=DATE:20261203",
      "DTEND;VALUE=DATE:20261204",
      "SUMMARY:Families: newsletter\\; winter",
      "DESCRIPTION:Channel: newsletter",
      "STATUS:TENTATIVE",
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ]);
  });

  it("ends a month's last day in the next month", () => {
    const text = serializeCalendar("x", [{ uid: "u", date: new Date("2026-12-31T00:00:00Z"), summary: "s", description: "d", status: "sent", updatedAt: new Date() }]);
    expect(text).toContain("DTEND;VALUE=DATE:20270101");
    expect(text).toContain("STATUS:CONFIRMED");
  });
});
