import type { LiveActivity } from "~/workshops/live-view";
import type { OwnSubmissionsView } from "~/workshops/submission-outbox";
import type { ParticipantRoom } from "~/workshops/useWorkshopSocket";

/** What every participant input gets: its activity, the room to submit to, and what this participant already sent. */
export type ActivityFormProps<T extends LiveActivity["type"]> = {
  activity: Extract<LiveActivity, { type: T }>;
  room: Pick<ParticipantRoom, "submit" | "status" | "nextIdeasToRate">;
  own: OwnSubmissionsView;
  /** The activity accepts input now (open, and the workshop is live). */
  open: boolean;
};
