import { afterAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { startSession } from "~/auth/session.server";
import { createDistrict } from "~/models/district.server";
import { addCompetency, competencyIds, competencyTitle, portraitDocumentName, readPortrait, setPlainText, writeRichText, VISION_FIELD, plainText } from "~/portrait/document";
import { docFromState, loadPortraitState } from "~/portrait/portrait.server";
import { installDatabase, openDatabase } from "~/utils/db.server";
import { installConfig, parseConfig } from "~/utils/env.server";
import { openPortrait, synced, untilDoc, untilStored, type PortraitClient } from "../support/portrait-collaboration";
import { freePort, startServerProcess, tempDataDir, type ServerProcess } from "../support/server-process";

// Runs the production build as a real process: `npm run build` must have run first.
const SECRET = "portrait-restart-secret-that-is-long-enough-to-sign";

async function seed(dataDir: string): Promise<{ districtId: string; cookie: string }> {
  installConfig({ ...parseConfig({ NODE_ENV: "test", DATA_DIR: dataDir }), secret: SECRET });
  const database = await openDatabase({ dataDir });
  await database.migrate();
  installDatabase(database);
  try {
    const { districtId, leaderId } = await createDistrict({
      districtName: "Restart Portrait District",
      languages: ["en"],
      leaderName: "Rita Restart",
      leaderEmail: "rita@restart.example",
      password: "a-long-enough-password",
    });
    const cookie = (await startSession(leaderId, "vitest")).split(";")[0]!;
    return { districtId, cookie };
  } finally {
    installDatabase(undefined);
    await database.close();
  }
}

/** The server has applied everything this client sent (it acknowledges each update). */
function untilAcknowledged(client: PortraitClient): Promise<void> {
  return new Promise((resolve) => {
    if (!client.provider.hasUnsyncedChanges) return resolve();
    const check = ({ number }: { number: number }) => {
      if (number > 0) return;
      client.provider.off("unsyncedChanges", check);
      resolve();
    };
    client.provider.on("unsyncedChanges", check);
  });
}

function paragraph(text: string) {
  return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}

const visionText = (doc: Y.Doc) => plainText(readPortrait(doc).vision);
const occurrences = (text: string, word: string) => text.split(word).length - 1;

describe("the collaboration server stopped mid-edit", () => {
  const dataDir = tempDataDir();
  let server: ServerProcess | undefined;
  const clients: PortraitClient[] = [];

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop("SIGKILL");
  });

  it("keeps every edit through a graceful stop, the stored edits through kill -9, with nothing duplicated", async () => {
    const { districtId, cookie } = await seed(dataDir);
    const env = { DATA_DIR: dataDir, SESSION_SECRET: SECRET, PORT: String(await freePort()), NODE_ENV: "production" };
    const name = portraitDocumentName(districtId);
    const open = (url: string) => {
      const client = openPortrait(url, name, cookie);
      clients.push(client);
      return client;
    };

    // 1. Edits acknowledged by the server, then a graceful stop well within the store debounce.
    server = await startServerProcess(env);
    const first = open(server.url);
    await synced(first);
    writeRichText(first.doc, VISION_FIELD, paragraph("Every graduate is ready."));
    addCompetency(first.doc, { id: "crestartcollab01", title: "Collaborator" });
    addCompetency(first.doc, { id: "crestartthinker2", title: "Critical thinker" });
    writeRichText(first.doc, "competency:crestartcollab01:description", paragraph("Works well with others."));
    await untilAcknowledged(first);
    expect(await server.stop("SIGTERM")).toBe(0);
    // The client is gone before the restart: what comes back is what the server stored.
    first.destroy();

    server = await startServerProcess(env);
    const second = open(server.url);
    await synced(second);
    expect(readPortrait(second.doc).competencies.map((c) => [c.id, c.title, plainText(c.description)])).toEqual([
      ["crestartcollab01", "Collaborator", "Works well with others."],
      ["crestartthinker2", "Critical thinker", ""],
    ]);
    expect(visionText(second.doc)).toBe("Every graduate is ready.");

    // 2. More edits, stored after the debounce (the server says so), then the process is killed.
    setPlainText(competencyTitle(second.doc, "crestartthinker2")!, "Critical thinker and problem solver");
    addCompetency(second.doc, { id: "crestartcommun3", title: "Communicator" });
    await untilStored(second);
    server.child.kill("SIGKILL");
    await server.exited;
    second.destroy();

    server = await startServerProcess(env);
    const third = open(server.url);
    await synced(third);
    const afterKill = readPortrait(third.doc);
    expect(afterKill.competencies.map((c) => c.title)).toEqual(["Collaborator", "Critical thinker and problem solver", "Communicator"]);
    expect(third.doc.getArray("competencyOrder").toArray()).toEqual(competencyIds(third.doc));
    expect(visionText(third.doc)).toBe("Every graduate is ready.");

    // 3. An edit the server applied but had not stored when it was killed: the browser that made it
    //    still has it and sends it again on reconnecting, and it is merged once, not duplicated.
    const text = third.doc.getXmlFragment(VISION_FIELD);
    const paragraphText = (text.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    paragraphText.insert(paragraphText.length, " Unstored sentence.");
    await untilAcknowledged(third);
    server.child.kill("SIGKILL");
    await server.exited;
    server = await startServerProcess(env);
    await untilStored(third);
    const fourth = open(server.url);
    await synced(fourth);
    await untilDoc(fourth, (doc) => visionText(doc).includes("Unstored sentence."));
    expect(occurrences(visionText(fourth.doc), "Unstored sentence.")).toBe(1);
    expect(occurrences(visionText(fourth.doc), "Every graduate is ready.")).toBe(1);

    for (const client of clients) client.destroy();
    expect(await server.stop("SIGTERM")).toBe(0);
    server = undefined;

    // The stored state, read straight from the database, is the same Portrait.
    installConfig({ ...parseConfig({ NODE_ENV: "test", DATA_DIR: dataDir }), secret: SECRET });
    const database = await openDatabase({ dataDir });
    installDatabase(database);
    try {
      const stored = readPortrait(docFromState(await loadPortraitState(districtId)));
      expect(stored.competencies.map((c) => c.title)).toEqual(["Collaborator", "Critical thinker and problem solver", "Communicator"]);
      expect(plainText(stored.vision)).toBe("Every graduate is ready. Unstored sentence.");
    } finally {
      installDatabase(undefined);
      await database.close();
    }
  }, 180_000);
});
