import type { Messages } from "../types";
import auth from "./auth";
import common from "./common";
import dashboard from "./dashboard";
import settings from "./settings";
import staff from "./staff";

export default { common, auth, dashboard, settings, staff } satisfies Messages;
