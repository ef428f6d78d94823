import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as encoding from "lib0/encoding";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeAllSessions } from "~/auth/session.server";
import { createDistrict } from "~/models/district.server";
import { addCompetency, competencyIds, competencyTitle, portraitDocumentName, readPortrait, setPlainText, writePortrait, type PortraitContent } from "~/portrait/document";
import { parseStatelessMessage, presenceColour } from "~/portrait/collaboration";
import { loadPortraitState, docFromState, storePortraitState } from "~/portrait/portrait.server";
import { prisma } from "~/utils/db.server";
import { createCollaborationServer, SESSION_ENDED_CLOSE_CODE, type CollaborationServer } from "../../server/collaboration";
import type { PortraitStateStore } from "../../server/collaboration/persistence";
import { SOCKET_PATH } from "../../server/socket";
import { useTestDatabase } from "../support/database";
import {
  authenticated,
  handshakeStatus,
  openPortrait,
  synced,
  untilDoc,
  untilStored,
  untilUpdateRefused,
  type PortraitClient,
} from "../support/portrait-collaboration";
import { sessionCookieFor } from "../support/requests";

useTestDatabase();

type Running = { httpServer: Server; collaboration: CollaborationServer; url: string };

async function start(options: { stateStore?: PortraitStateStore; redisUrl?: string } = {}): Promise<Running> {
  const httpServer = createServer();
  const collaboration = createCollaborationServer(httpServer, {
    otherUpgradePaths: [SOCKET_PATH],
    redisUrl: options.redisUrl,
    debounceMs: 50,
    maxDebounceMs: 200,
    // The tests call checkSessions themselves.
    sessionCheckMs: 0,
    stateStore: options.stateStore,
    log: () => undefined,
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  return { httpServer, collaboration, url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}` };
}

async function stop(running: Running) {
  await running.collaboration.close();
  await new Promise<void>((resolve) => running.httpServer.close(() => resolve()));
}

let server: Running;
let districtId: string;
let otherDistrictId: string;
const cookies = { leader: "", facilitator: "", school: "", otherLeader: "", disabled: "" };
const clients: PortraitClient[] = [];

function open(cookie: string | undefined, name = portraitDocumentName(districtId), doc?: Y.Doc, url = server.url) {
  const client = openPortrait(url, name, cookie, doc);
  clients.push(client);
  return client;
}

/** Polls a condition that becomes true through background work the test cannot await directly. */
async function until(check: () => boolean) {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

const vision = (doc: Y.Doc) => JSON.stringify(readPortrait(doc).vision);

/** An awareness message as the Hocuspocus provider frames one, with any update in it. */
function awarenessMessageFor(documentName: string, update: Uint8Array) {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

beforeAll(async () => {
  const district = await createDistrict({
    districtName: "Collab District",
    languages: ["en"],
    leaderName: "Lea Leader",
    leaderEmail: "lea@collab.example",
    password: "a-long-enough-password",
  });
  districtId = district.districtId;
  const other = await createDistrict({
    districtName: "Elsewhere District",
    languages: ["en"],
    leaderName: "Olu Other",
    leaderEmail: "olu@elsewhere.example",
    password: "a-long-enough-password",
  });
  otherDistrictId = other.districtId;
  const school = await prisma.school.create({ data: { districtId, name: "North School" }, select: { id: true } });
  const facilitator = await prisma.user.create({ data: { districtId, email: "fay@collab.example", name: "Fay Facilitator", role: "facilitator" } });
  const member = await prisma.user.create({ data: { districtId, email: "sam@collab.example", name: "Sam School", role: "school", schoolId: school.id } });
  const disabled = await prisma.user.create({ data: { districtId, email: "gone@collab.example", name: "Gone", role: "leader", disabledAt: new Date() } });
  cookies.leader = await sessionCookieFor(district.leaderId);
  cookies.facilitator = await sessionCookieFor(facilitator.id);
  cookies.school = await sessionCookieFor(member.id);
  cookies.otherLeader = await sessionCookieFor(other.leaderId);
  cookies.disabled = await sessionCookieFor(disabled.id);
  server = await start();
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await stop(server);
});

describe("connecting to the collaboration server", () => {
  it("refuses the WebSocket handshake without a session, with a forged one or a disabled user's", async () => {
    expect(await handshakeStatus(server.url, {})).toBe(401);
    expect(await handshakeStatus(server.url, { Cookie: "gw_session=forged" })).toBe(401);
    expect(await handshakeStatus(server.url, { Cookie: cookies.disabled })).toBe(401);
    expect(await handshakeStatus(server.url, { Cookie: cookies.leader })).toBe(101);
  });

  it("refuses a handshake started by another site's page, and upgrades on paths nobody serves", async () => {
    expect(await handshakeStatus(server.url, { Cookie: cookies.leader, Origin: "https://evil.example" })).toBe(403);
    const host = new URL(server.url).host;
    expect(await handshakeStatus(server.url, { Cookie: cookies.leader, Origin: `http://${host}` })).toBe(101);
    expect(await handshakeStatus(server.url, { Cookie: cookies.leader }, "/somewhere-else")).toBe(404);
  });

  it("refuses another district's Portrait and names that are not a Portrait", async () => {
    await expect(authenticated(open(cookies.otherLeader))).rejects.toThrow("other-district");
    await expect(authenticated(open(cookies.leader, portraitDocumentName(otherDistrictId)))).rejects.toThrow("other-district");
    await expect(authenticated(open(cookies.leader, "notes"))).rejects.toThrow("unknown-document");
    await expect(authenticated(open(cookies.leader, "portrait:../../etc"))).rejects.toThrow("unknown-document");
    // Nothing was loaded for the refused names.
    expect([...server.collaboration.hocuspocus.documents.keys()].filter((name) => name !== portraitDocumentName(districtId))).toEqual([]);
  });

  it("lets leaders and facilitators edit together and stores their edits", async () => {
    const leader = open(cookies.leader);
    const facilitator = open(cookies.facilitator);
    expect(await authenticated(leader)).toBe("read-write");
    expect(await authenticated(facilitator)).toBe("read-write");
    await Promise.all([synced(leader), synced(facilitator)]);

    addCompetency(leader.doc, { id: "c1collabtest01", title: "Collaborator" });
    await untilDoc(facilitator, (doc) => competencyIds(doc).includes("c1collabtest01"));
    setPlainText(competencyTitle(facilitator.doc, "c1collabtest01")!, "Collaborator and team player");
    await untilDoc(leader, (doc) => competencyTitle(doc, "c1collabtest01")?.toString() === "Collaborator and team player");

    await Promise.all([untilStored(leader), untilStored(facilitator)]);
    const stored = docFromState(await loadPortraitState(districtId));
    expect(readPortrait(stored).competencies.map((c) => c.title)).toEqual(["Collaborator and team player"]);
  });

  it("connects a school team member read-only: they see edits and presence, their own edits are not applied", async () => {
    const leader = open(cookies.leader);
    const member = open(cookies.school);
    expect(await authenticated(member)).toBe("readonly");
    await synced(member);
    await untilDoc(member, (doc) => competencyIds(doc).includes("c1collabtest01"));

    const refused = untilUpdateRefused(member);
    addCompetency(member.doc, { id: "c2schoolattempt", title: "Written by a school member" });
    await refused;
    const live = server.collaboration.hocuspocus.documents.get(portraitDocumentName(districtId))!;
    expect(competencyIds(live)).not.toContain("c2schoolattempt");

    // The leader's later edit reaches the member; the member's never reaches the leader.
    await synced(leader);
    addCompetency(leader.doc, { id: "c3leaderlater", title: "Critical thinker" });
    await untilDoc(member, (doc) => competencyIds(doc).includes("c3leaderlater"));
    expect(competencyIds(leader.doc)).not.toContain("c2schoolattempt");
    await untilStored(leader);
    expect(competencyIds(docFromState(await loadPortraitState(districtId)))).not.toContain("c2schoolattempt");

    // Presence works for read-only members: the leader sees them.
    member.provider.setAwarenessField("user", await member.identity());
    await new Promise<void>((resolve) => {
      const check = () => {
        const names = [...leader.provider.awareness!.getStates().values()].map((state) => (state.user as { name?: string } | undefined)?.name);
        if (names.includes("Sam School")) resolve();
      };
      leader.provider.on("awarenessChange", check);
      check();
    });
  });

  it("passes a comments:changed notice on to everyone on the document, and nothing else", async () => {
    const leader = open(cookies.leader);
    const member = open(cookies.school);
    await Promise.all([synced(leader), synced(member)]);
    const received = new Promise<string>((resolve) => leader.provider.on("stateless", ({ payload }: { payload: string }) => payload.includes("comments") && resolve(payload)));
    member.provider.sendStateless(JSON.stringify({ type: "stored", stateVector: "AA==" }));
    member.provider.sendStateless("not json");
    member.provider.sendStateless(JSON.stringify({ type: "comments:changed" }));
    expect(JSON.parse(await received)).toEqual({ type: "comments:changed" });

    // Notices right after one another are merged, never lost: the ones sent within the interval
    // after the notice above still reach the leader, at the end of it.
    const later = new Promise<void>((resolve) => leader.provider.on("stateless", ({ payload }: { payload: string }) => payload.includes("comments") && resolve()));
    for (let i = 0; i < 5; i++) member.provider.sendStateless(JSON.stringify({ type: "comments:changed" }));
    await later;
  });
});

describe("presence", () => {
  const namesSeenBy = (client: PortraitClient) =>
    [...client.provider.awareness!.getStates().values()].map((state) => (state.user as { name?: string } | undefined)?.name);
  const closed = (client: PortraitClient) => new Promise<void>((resolve) => client.provider.on("close", () => resolve()));

  it("tells each browser how the others see it: the stored name, a colour and the role", async () => {
    const leader = open(cookies.leader);
    const member = open(cookies.school);
    expect(await leader.identity()).toEqual({ name: "Lea Leader", color: presenceColour((await prisma.user.findFirstOrThrow({ where: { email: "lea@collab.example" } })).id), role: "leader" });
    expect(await member.identity()).toMatchObject({ name: "Sam School", role: "school" });
  });

  it("shows a browser under another name to nobody, and closes its connection", async () => {
    const leader = open(cookies.leader);
    const forger = open(cookies.facilitator);
    await Promise.all([synced(leader), synced(forger)]);
    const gone = closed(forger);
    forger.provider.setAwarenessField("user", { ...(await forger.identity()), name: "Lea Leader (superintendent)" });
    await gone;
    // An honest browser that announces itself afterwards is seen; the forged name never was.
    const member = open(cookies.school);
    await synced(member);
    member.provider.setAwarenessField("user", await member.identity());
    await until(() => namesSeenBy(leader).includes("Sam School"));
    expect(namesSeenBy(leader)).not.toContain("Lea Leader (superintendent)");
    const live = server.collaboration.hocuspocus.documents.get(portraitDocumentName(districtId))!;
    expect([...live.awareness.getStates().values()].map((state) => (state.user as { name?: string } | undefined)?.name)).not.toContain("Lea Leader (superintendent)");
    forger.destroy();
  });

  it("lets a browser that comes back take over its own presence while its old connection lingers", async () => {
    const before = open(cookies.facilitator);
    await synced(before);
    before.provider.setAwarenessField("user", await before.identity());
    // The same browser tab reconnecting: the same Yjs client id, a new connection, the old one not timed out yet.
    const again = new Y.Doc();
    again.clientID = before.doc.clientID;
    const after = open(cookies.facilitator, portraitDocumentName(districtId), again);
    await synced(after);
    let refused = false;
    after.provider.on("close", () => (refused = true));
    after.provider.setAwarenessField("user", await after.identity());
    after.provider.setAwarenessField("field", "vision");
    const live = server.collaboration.hocuspocus.documents.get(portraitDocumentName(districtId))!;
    await until(() => (live.awareness.getStates().get(again.clientID) as { field?: string } | undefined)?.field === "vision");
    expect(refused).toBe(false);
    before.destroy();
  });

  it("sends only a browser's own presence: another editor's caret moving is not echoed back to the server", async () => {
    const leader = open(cookies.leader);
    const member = open(cookies.school);
    await Promise.all([synced(leader), synced(member)]);
    member.provider.setAwarenessField("user", await member.identity());
    let echoed = 0;
    member.provider.on("outgoingMessage", ({ message }: { message: { type: number } }) => {
      if (message.type === 1) echoed += 1;
    });
    leader.provider.setAwarenessField("user", await leader.identity());
    for (const field of ["vision", "competency:c1collabtest01:description", "vision"]) leader.provider.setAwarenessField("field", field);
    await until(() => (member.provider.awareness!.getStates().get(leader.doc.clientID) as { field?: string } | undefined)?.field === "vision" && namesSeenBy(member).includes("Lea Leader"));
    expect(echoed).toBe(0);
    // Its own change still goes out.
    member.provider.setAwarenessField("field", "vision");
    expect(echoed).toBe(1);
  });

  it("does not let one browser write over another's presence", async () => {
    const leader = open(cookies.leader);
    const member = open(cookies.school);
    await Promise.all([synced(leader), synced(member)]);
    leader.provider.setAwarenessField("user", await leader.identity());
    await until(() => namesSeenBy(member).includes("Lea Leader"));
    // The member writes a state, with its own identity, under the leader's client id and a newer clock.
    const leaderClient = leader.doc.clientID;
    const forged = new Awareness(new Y.Doc());
    forged.clientID = leaderClient;
    forged.meta.set(leaderClient, { clock: 1_000, lastUpdated: Date.now() });
    forged.states.set(leaderClient, { user: await member.identity() });
    const gone = closed(member);
    member.socket.send(awarenessMessageFor(portraitDocumentName(districtId), encodeAwarenessUpdate(forged, [leaderClient])));
    await gone;
    const live = server.collaboration.hocuspocus.documents.get(portraitDocumentName(districtId))!;
    expect((live.awareness.getStates().get(leaderClient)?.user as { name?: string } | undefined)?.name).toBe("Lea Leader");
    forged.destroy();
  });
});

describe("a session that ends while the Portrait is open", () => {
  async function newFacilitator(label: string) {
    const user = await prisma.user.create({ data: { districtId, email: `${label}@collab.example`, name: label, role: "facilitator" }, select: { id: true } });
    return { userId: user.id, cookie: await sessionCookieFor(user.id) };
  }
  const sessionEnded = (client: PortraitClient) =>
    new Promise<void>((resolve) => client.provider.on("stateless", ({ payload }: { payload: string }) => parseStatelessMessage(payload)?.type === "session:ended" && resolve()));
  const closeCode = (client: PortraitClient) => new Promise<number>((resolve) => client.socket.on("close", ({ event }: { event: { code: number } }) => resolve(event.code)));

  it("keeps every connection whose session is still in force", async () => {
    const leader = open(cookies.leader);
    await synced(leader);
    expect(await server.collaboration.checkSessions()).toEqual({ ended: 0, reopened: 0 });
    expect(leader.provider.isSynced).toBe(true);
  });

  it("tells a revoked session's browser it is signed out and closes it; the others keep editing", async () => {
    const leaving = await newFacilitator("leaving");
    const client = open(leaving.cookie);
    const leader = open(cookies.leader);
    await Promise.all([synced(client), synced(leader)]);
    const told = sessionEnded(client);
    const closed = closeCode(client);

    await revokeAllSessions(leaving.userId);
    expect(await server.collaboration.checkSessions()).toEqual({ ended: 1, reopened: 0 });
    await told;
    expect(await closed).toBe(SESSION_ENDED_CLOSE_CODE);
    client.destroy();
    // It cannot come back with the same cookie.
    expect(await handshakeStatus(server.url, { Cookie: leaving.cookie })).toBe(401);

    addCompetency(leader.doc, { id: "c4afterrevoke", title: "Still editing" });
    await untilStored(leader);
    expect(competencyIds(docFromState(await loadPortraitState(districtId)))).toContain("c4afterrevoke");
  });

  it("ends the connection of a user who was disabled", async () => {
    const disabled = await newFacilitator("disabled-later");
    const client = open(disabled.cookie);
    await synced(client);
    const told = sessionEnded(client);
    await prisma.user.update({ where: { id: disabled.userId }, data: { disabledAt: new Date() } });
    expect(await server.collaboration.checkSessions()).toMatchObject({ ended: 1 });
    await told;
    client.destroy();
  });

  it("reconnects a user whose role changed, with their new rights", async () => {
    const demoted = await newFacilitator("demoted");
    const client = open(demoted.cookie);
    expect(await authenticated(client)).toBe("read-write");
    await synced(client);
    const school = await prisma.school.findFirstOrThrow({ where: { districtId }, select: { id: true } });
    await prisma.user.update({ where: { id: demoted.userId }, data: { role: "school", schoolId: school.id } });
    const scope = new Promise<string>((resolve) => client.provider.on("authenticated", ({ scope }: { scope: string }) => resolve(scope)));
    expect(await server.collaboration.checkSessions()).toEqual({ ended: 0, reopened: 1 });
    expect(await scope).toBe("readonly");
    await synced(client);
  });

  it("takes the notice from the server only: a browser cannot send it to the others", async () => {
    const leader = open(cookies.leader);
    const member = open(cookies.school);
    await Promise.all([synced(leader), synced(member)]);
    let forwarded = false;
    leader.provider.on("stateless", ({ payload }: { payload: string }) => {
      if (payload.includes("session:ended")) forwarded = true;
    });
    const marker = new Promise<void>((resolve) => leader.provider.on("stateless", ({ payload }: { payload: string }) => payload.includes("comments") && resolve()));
    member.provider.sendStateless(JSON.stringify({ type: "session:ended" }));
    member.provider.sendStateless(JSON.stringify({ type: "comments:changed" }));
    await marker;
    expect(forwarded).toBe(false);
    expect(leader.provider.isSynced).toBe(true);
  });
});

describe("server-side changes", () => {
  it("go through the live document: connected editors see them, and they are stored", async () => {
    const leader = open(cookies.leader);
    await synced(leader);
    const content: PortraitContent = {
      vision: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Every graduate is ready." }] }] },
      competencies: [],
    };
    await server.collaboration.documents.change(districtId, (doc) => writePortrait(doc, content));
    await untilDoc(leader, (doc) => vision(doc).includes("Every graduate is ready."));
    expect(vision(docFromState(await loadPortraitState(districtId)))).toContain("Every graduate is ready.");
    const copy = await server.collaboration.documents.read(districtId);
    expect(readPortrait(copy).vision).toEqual(content.vision);
  });

  it("reads the stored state when nobody has the document open", async () => {
    const empty = await server.collaboration.documents.read(otherDistrictId);
    expect(readPortrait(empty).competencies).toEqual([]);
  });
});

describe("persistence", () => {
  it("stores a compacted state: text typed and deleted again does not pile up", async () => {
    const leader = open(cookies.leader);
    await synced(leader);
    addCompetency(leader.doc, { id: "c4compactiontest", title: "Self-directed learner" });
    const title = competencyTitle(leader.doc, "c4compactiontest")!;
    const original = title.toString();
    const typed = "A long sentence that someone types and then deletes again. ".repeat(4);
    for (let i = 0; i < 150; i++) {
      setPlainText(title, `${original} ${typed}`);
      setPlainText(title, original);
    }
    await untilStored(leader);
    const state = await loadPortraitState(districtId);
    // 150 × 240 characters went in and out; what is stored stays near the size of what is left.
    expect(150 * typed.length).toBeGreaterThan(30_000);
    expect(state!.length).toBeLessThan(4_000);
    expect(competencyTitle(docFromState(state), "c4compactiontest")?.toString()).toBe(original);
  });

  it("keeps a document in memory while its store fails, and stores it once the database is back", async () => {
    let failing = true;
    const attempts: number[] = [];
    const flaky: PortraitStateStore = {
      load: loadPortraitState,
      async store(id, doc) {
        attempts.push(Date.now());
        if (failing) throw new Error("database unavailable");
        await storePortraitState(id, doc);
      },
    };
    const running = await start({ stateStore: flaky });
    try {
      const name = portraitDocumentName(otherDistrictId);
      const editor = openPortrait(running.url, name, cookies.otherLeader);
      await synced(editor);
      addCompetency(editor.doc, { id: "c9keptinmemory", title: "Kept in memory" });
      await until(() => attempts.length >= 1);
      editor.destroy();
      // The last client left and the store failed: unloading is refused, the edit stays in memory.
      const loaded = running.collaboration.hocuspocus.documents.get(name)!;
      await until(() => loaded.getConnectionsCount() === 0);
      await running.collaboration.hocuspocus.unloadDocument(loaded);
      expect(running.collaboration.hocuspocus.documents.get(name)).toBe(loaded);
      expect(competencyIds(loaded)).toEqual(["c9keptinmemory"]);
      expect(await loadPortraitState(otherDistrictId)).toBeNull();

      // The database is back: shutting down stores it.
      failing = false;
      await running.collaboration.close();
      expect(competencyIds(docFromState(await loadPortraitState(otherDistrictId)))).toEqual(["c9keptinmemory"]);
    } finally {
      await new Promise<void>((resolve) => running.httpServer.close(() => resolve()));
    }
  });
});

describe("several nodes", () => {
  const redisUrl = process.env.TEST_REDIS_URL;
  it.skipIf(!redisUrl)("share a document through Redis: edits and presence cross nodes, and it is stored", async () => {
    const nodes = [await start({ redisUrl }), await start({ redisUrl })];
    const name = portraitDocumentName(otherDistrictId);
    const [onFirst, onSecond] = nodes.map((node) => openPortrait(node.url, name, cookies.otherLeader));
    try {
      await Promise.all([synced(onFirst!), synced(onSecond!)]);
      addCompetency(onFirst!.doc, { id: "c8acrossnodes01", title: "Across nodes" });
      await untilDoc(onSecond!, (doc) => competencyIds(doc).includes("c8acrossnodes01"));
      // The same person on both nodes: only the second one announces itself.
      onSecond!.provider.setAwarenessField("user", await onSecond!.identity());
      await new Promise<void>((resolve) => {
        const check = () => {
          const names = [...onFirst!.provider.awareness!.getStates().values()].map((state) => (state.user as { name?: string } | undefined)?.name);
          if (names.includes("Olu Other")) resolve();
        };
        onFirst!.provider.on("awarenessChange", check);
        check();
      });
      await untilStored(onFirst!);
      expect(competencyIds(docFromState(await loadPortraitState(otherDistrictId)))).toContain("c8acrossnodes01");
    } finally {
      onFirst!.destroy();
      onSecond!.destroy();
      for (const node of nodes) await stop(node);
    }
  });
});
