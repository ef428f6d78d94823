import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { UpcomingSection } from "~/components/UpcomingSection";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export default function Section() {
  return <UpcomingSection section="messages" />;
}
