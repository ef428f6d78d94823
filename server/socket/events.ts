import type { ActivityState, ActivityType, Role, WorkshopStatus } from "~/generated/prisma/client";
import type { RefusalReason } from "~/workshops/live-rules";

/**
 * The real-time protocol: every event, its payload and its acknowledgement.
 * Client and server import these types; docs/realtime-protocol.md explains them.
 * Every client→server payload is parsed with zod on the server before use.
 */

/**
 * Every acknowledgement has this shape: data on success, a stable code and a
 * readable (English) message otherwise; a facilitator's refused command also
 * names its reason, which the console translates.
 */
export type AckResponse<T> = { ok: true; data: T } | { ok: false; error: { code: AckErrorCode; message: string; reason?: RefusalReason } };
export type Ack<T> = (response: AckResponse<T>) => void;
export type AckErrorCode =
  | "bad_request"
  | "forbidden"
  | "not_found"
  | "not_open"
  | "rate_limited"
  | "conflict"
  | "server_error";

export type Identity =
  | { kind: "staff"; userId: string; districtId: string; role: Role; schoolId: string | null; sessionId: string }
  | { kind: "participant"; participantId: string; workshopId: string; districtId: string };

/** What the client may see of its own identity. */
export type IdentitySummary =
  | { kind: "staff"; userId: string; districtId: string; role: Role }
  | { kind: "participant"; participantId: string; workshopId: string };

export type Localized = Partial<Record<"en" | "es", string>>;

/** An activity as everyone in the room sees it (its config minus anything only staff need). */
export type ActivityView = {
  id: string;
  position: number;
  type: ActivityType;
  state: ActivityState;
  /** The activity's prompt and type settings (options, items, scale ends…), as stored. */
  config: Record<string, unknown>;
  resultsVisible: boolean;
  /** ISO time at which the facilitator's countdown ends, or null. */
  timerEndsAt: string | null;
  spotlightIdeaId: string | null;
};

/** The room as a participant sees it; sent on connect, on reconnect and whenever the facilitator changes something. */
export type WorkshopView = {
  workshopId: string;
  title: string;
  status: WorkshopStatus;
  languages: string[];
  /** The activity on screen (open, locked or showing results), or null between activities. */
  current: ActivityView | null;
  /** Server time, so countdowns are right on phones whose clock is off. */
  serverTime: string;
};

export type IdeaView = {
  id: string;
  activityId: string;
  text: string;
  stakeholderGroupId: string;
  createdAt: string;
  hidden: boolean;
  mergedIntoId: string | null;
  themeId: string | null;
  averageRating: number | null;
  ratingCount: number;
};

/** Aggregates of one activity, pushed coalesced (a few per second at most). */
export type ActivityResults =
  | { type: "brainstorm"; activityId: string; ideaCount: number; ideas: IdeaView[] }
  | { type: "rate"; activityId: string; ratingCount: number; leaders: IdeaView[] }
  | { type: "poll"; activityId: string; respondents: number; options: { id: string; count: number; share: number }[] }
  | { type: "scale"; activityId: string; respondents: number; distribution: { value: number; count: number }[]; mean: number | null }
  | { type: "wordcloud"; activityId: string; respondents: number; words: { word: string; count: number }[] }
  | { type: "ranking"; activityId: string; respondents: number; items: { id: string; points: number; meanRank: number | null }[] }
  | { type: "nomination"; activityId: string; count: number };

/** What a facilitator's console and the presenter view see in addition. */
export type ConsoleView = WorkshopView & {
  joinCode: string;
  activities: ActivityView[];
  participation: { stakeholderGroupId: string; name: string; count: number; actualShare: number; targetShare: number; gap: number }[];
  participantCount: number;
};

export type SubmissionReceipt = { id: string; clientId: string; duplicate: boolean };

export interface ClientToServerEvents {
  "session:whoami": (ack: Ack<IdentitySummary>) => void;

  // Participants
  /** The current room; a reconnecting client calls it before resending unacknowledged submissions. */
  "workshop:state": (ack: Ack<WorkshopView>) => void;
  /** Any submission to the open activity; `payload` is checked against the activity's type and settings. */
  "submission:send": (
    input: { activityId: string; clientId: string; payload: unknown },
    ack: Ack<SubmissionReceipt>,
  ) => void;
  /** The next ideas this participant should rate, in the fair order. */
  /** `ratable`: how many ideas this participant may rate in all (visible, not their own), rated or not. */
  "rating:next": (input: { activityId: string }, ack: Ack<{ ideas: { id: string; text: string }[]; ratable: number }>) => void;
  /** This participant's own submissions to an activity (to show them confirmed after a reload). */
  "submission:mine": (input: { activityId: string }, ack: Ack<{ clientIds: string[]; ideas: { id: string; text: string }[] }>) => void;

  // Staff (leader or facilitator of the workshop's district)
  "console:join": (input: { workshopId: string }, ack: Ack<ConsoleView>) => void;
  "workshop:command": (
    input: { workshopId: string; command: "start" | "pause" | "resume" | "end" | "advance" | "back" },
    ack: Ack<ConsoleView>,
  ) => void;
  "activity:command": (
    input: {
      workshopId: string;
      activityId: string;
      command: "show" | "open" | "lock" | "close" | "reveal" | "conceal" | "timer";
      /** For "timer": seconds from now, or 0 to clear. */
      seconds?: number;
    },
    ack: Ack<ConsoleView>,
  ) => void;
  "idea:moderate": (
    input: { workshopId: string; ideaId: string; action: "hide" | "restore" | "spotlight" | "unspotlight" | "merge"; intoIdeaId?: string },
    ack: Ack<{ ideaId: string }>,
  ) => void;
  "results:get": (input: { workshopId: string; activityId: string }, ack: Ack<ActivityResults>) => void;
}

export interface ServerToClientEvents {
  /** The staff session behind this connection was ended; the client should sign in again. */
  "session:ended": () => void;
  /** The room changed (activity shown, opened, locked, timer, pause…). */
  "workshop:state": (view: WorkshopView) => void;
  /** Staff only: the console's view changed (also participation counts). */
  "console:state": (view: ConsoleView) => void;
  /** Coalesced aggregates; to participants only while the activity's results are revealed. */
  "activity:results": (results: ActivityResults) => void;
}

export type InterServerEvents = Record<string, never>;

export interface SocketData {
  identity: Identity;
}
