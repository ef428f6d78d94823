import type { Messages } from "../types";
import auth from "./auth";
import common from "./common";
import dashboard from "./dashboard";
import settings from "./settings";

export default { common, auth, dashboard, settings } satisfies Messages;
