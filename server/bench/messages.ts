import type { Summary } from "./stats";

/** What the benchmark's server process and its load-generating child say to each other over IPC. */

export type PhaseName = "ideas" | "ratings" | "votes";

export type StartMessage = {
  type: "start";
  url: string;
  /** The facilitator's session cookie ("name=value"); null for the bare Socket.IO baseline, which checks nobody. */
  staffCookie: string | null;
  workshopId: string;
  /** Phones connect to these in turn (default: `url`); the facilitator always to `url`. */
  phoneUrls?: string[];
};

export type ConnectMessage = { type: "connect"; tokens: string[] };

export type PhaseMessage = {
  type: "phase";
  phase: PhaseName;
  activityId: string;
  /** Submissions are spread evenly over this window (0: all at once). */
  windowMs: number;
  /** Ideas each participant rates in the ratings phase. */
  ratingsEach: number;
  pollOptionIds: string[];
};

export type ToParticipants = StartMessage | ConnectMessage | PhaseMessage | { type: "disconnect" } | { type: "exit" };

export type ConnectReport = { latencies: number[]; failures: number; firstError: string | null };

export type PhaseReport = {
  phase: PhaseName;
  sent: number;
  acknowledged: number;
  errors: Record<string, number>;
  ack: Summary;
  update: Summary;
  /** Acknowledged submissions no facilitator update ever counted. */
  uncovered: number;
  /** From the first submission sent to the last acknowledgement. */
  durationMs: number;
  perSecond: number;
  /** Ratings phase: how long rating:next took to answer. */
  ratingNext: Summary | null;
};

export type FromParticipants =
  | { type: "started" }
  | { type: "connected"; report: ConnectReport }
  | { type: "phase-done"; report: PhaseReport }
  | { type: "disconnected" }
  | { type: "failed"; message: string };
