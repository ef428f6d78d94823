import { createContext, useContext } from "react";

const NonceContext = createContext<string>("");

export const NonceProvider = NonceContext.Provider;

/** The CSP nonce of this response, for the few inline scripts Remix renders. Empty in the browser. */
export function useNonce(): string {
  return useContext(NonceContext);
}
