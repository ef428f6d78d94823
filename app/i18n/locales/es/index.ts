import type { Messages } from "../types";
import auth from "./auth";
import champions from "./champions";
import common from "./common";
import dashboard from "./dashboard";
import settings from "./settings";
import live from "./live";
import staff from "./staff";
import workshops from "./workshops";
import results from "./results";
import portrait from "./portrait";
import portraitReview from "./portraitReview";
import readiness from "./readiness";
import messages from "./messages";
import titles from "./titles";

export default { common, auth, dashboard, settings, staff, workshops, live, results, portrait, champions, portraitReview, readiness, messages, titles } satisfies Messages;
