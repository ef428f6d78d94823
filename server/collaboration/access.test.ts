import { describe, expect, it } from "vitest";
import { CollaborationRefusal, connectionAfterSessionCheck, documentAccess, type Collaborator } from "./access";

const facilitator: Collaborator = { userId: "u1", sessionId: "s1", districtId: "district000001", name: "Fay", role: "facilitator" };

describe("a connection after its session is looked at again", () => {
  it("is kept while the session is in force with the same editing rights", () => {
    expect(connectionAfterSessionCheck(facilitator, { districtId: "district000001", role: "facilitator" })).toBe("keep");
    // Leader and facilitator both edit: a change between them does not matter to the Portrait.
    expect(connectionAfterSessionCheck(facilitator, { districtId: "district000001", role: "leader" })).toBe("keep");
  });

  it("ends when the session is gone (revoked, expired, user disabled) or the user is in another district now", () => {
    expect(connectionAfterSessionCheck(facilitator, undefined)).toBe("end");
    expect(connectionAfterSessionCheck(facilitator, { districtId: "district000002", role: "facilitator" })).toBe("end");
  });

  it("reopens when the user gains or loses the right to edit", () => {
    expect(connectionAfterSessionCheck(facilitator, { districtId: "district000001", role: "school" })).toBe("reopen");
    expect(connectionAfterSessionCheck({ ...facilitator, role: "school" }, { districtId: "district000001", role: "leader" })).toBe("reopen");
  });
});

describe("opening a document", () => {
  it("is read-only for a school member and refused for another district's document", () => {
    expect(documentAccess({ ...facilitator, role: "school" }, "portrait:district000001")).toEqual({ readOnly: true });
    expect(documentAccess(facilitator, "portrait:district000001")).toEqual({ readOnly: false });
    expect(() => documentAccess(facilitator, "portrait:district000002")).toThrow(CollaborationRefusal);
    expect(() => documentAccess(undefined, "portrait:district000001")).toThrow(CollaborationRefusal);
  });
});
