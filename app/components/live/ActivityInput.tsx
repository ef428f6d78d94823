import type { LiveActivity } from "~/workshops/live-view";
import type { OwnSubmissionsView } from "~/workshops/submission-outbox";
import type { ParticipantRoom } from "~/workshops/useWorkshopSocket";
import { BrainstormForm } from "./BrainstormForm";
import { PollForm, ScaleForm } from "./ChoiceForms";
import { NominationForm } from "./NominationForm";
import { RankingForm } from "./RankingForm";
import { RateForm } from "./RateForm";
import { WordCloudForm } from "./WordCloudForm";

/** The participant's input for the activity on screen, by its type. */
export function ActivityInput({ activity, room, own, open }: { activity: LiveActivity; room: ParticipantRoom; own: OwnSubmissionsView; open: boolean }) {
  switch (activity.type) {
    case "brainstorm":
      return <BrainstormForm activity={activity} room={room} own={own} open={open} />;
    case "rate":
      return <RateForm activity={activity} room={room} own={own} open={open} />;
    case "poll":
      return <PollForm activity={activity} room={room} own={own} open={open} />;
    case "scale":
      return <ScaleForm activity={activity} room={room} own={own} open={open} />;
    case "wordcloud":
      return <WordCloudForm activity={activity} room={room} own={own} open={open} />;
    case "ranking":
      return <RankingForm activity={activity} room={room} own={own} open={open} />;
    case "nomination":
      return <NominationForm activity={activity} room={room} own={own} open={open} />;
  }
}
