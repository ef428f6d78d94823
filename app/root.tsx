import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useFocusAfterSubmit } from "./components/FocusAfterSubmit";
import { LanguageSwitch } from "./components/LanguageSwitch";
import { getLocale } from "./i18n/locale.server";
import { pageTitle } from "./i18n/pageTitle";
import { useLocale } from "./i18n/useLocale";
import stylesheet from "./styles/app.css";
import { useNonce } from "./utils/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta = pageTitle("common.appName");

export async function loader({ request }: LoaderFunctionArgs) {
  return { locale: await getLocale(request) };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <html lang={data?.locale ?? "en"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useFocusAfterSubmit();
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useLocale();
  let title = t("common.errors.genericTitle");
  let body = t("common.errors.generic");
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = t("common.errors.notFoundTitle");
      body = t("common.errors.notFound");
    } else if (error.status === 403) {
      title = t("common.errors.forbiddenTitle");
      body = t("common.errors.forbidden");
    } else if (error.status === 413) {
      body = t("common.errors.tooLarge");
    } else if (error.status === 400) {
      body = t("common.errors.badRequest");
    }
  }
  return (
    <div className="page page--narrow">
      <main id="main" className="card">
        <h1>{title}</h1>
        <p>{body}</p>
        <p>
          <a href="/">{t("common.errors.goHome")}</a>
        </p>
        <LanguageSwitch />
      </main>
    </div>
  );
}
