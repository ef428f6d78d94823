import type en from "./en/index";

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every locale must match: the English messages with any string allowed. */
export type Messages = Widen<typeof en>;
