/**
 * iCalendar (RFC 5545) serialisation of the communications plan: one all-day
 * event per dated item. Text is escaped (backslash, semicolon, comma, line
 * breaks) and lines are folded at 75 octets without splitting a UTF-8 character.
 */

export type CalendarItem = {
  uid: string;
  date: Date;
  summary: string;
  description: string;
  status: "draft" | "approved" | "sent";
  updatedAt: Date;
};

export function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n?|\n/g, "\\n");
}

const encoder = new TextEncoder();

/** Splits a content line into 75-octet pieces, continued with CRLF and one space. */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = "";
  let octets = 0;
  // The continuation's leading space counts toward its 75 octets.
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      pieces.push(current);
      current = "";
      octets = 0;
      limit = 74;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join("\r\n ");
}

function dateValue(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, "");
}

function stampValue(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
}

const STATUS = { draft: "TENTATIVE", approved: "CONFIRMED", sent: "CONFIRMED" } as const;

export function serializeCalendar(name: string, items: readonly CalendarItem[]): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Groundwork//Communications plan//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", `X-WR-CALNAME:${escapeText(name)}`];
  for (const item of items) {
    const end = new Date(item.date.getTime() + 24 * 60 * 60 * 1000);
    lines.push(
      "BEGIN:VEVENT",
      `UID:${item.uid}`,
      `DTSTAMP:${stampValue(item.updatedAt)}`,
      `DTSTART;VALUE=DATE:${dateValue(item.date)}`,
      `DTEND;VALUE=DATE:${dateValue(end)}`,
      `SUMMARY:${escapeText(item.summary)}`,
      `DESCRIPTION:${escapeText(item.description)}`,
      `STATUS:${STATUS[item.status]}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
