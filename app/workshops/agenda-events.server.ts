import { EventEmitter } from "node:events";

/*
 * Tells the live room that a workshop's agenda or details changed on a page
 * (an edited prompt, a reordered or added activity, a new title), so the
 * console and the phones get the new state at once rather than on their next
 * reconnect. The page's action and the socket hub run in one process but
 * are bundled apart (Remix build, server bundle), so the emitter lives on
 * globalThis: both copies of this module share it. Across several nodes the
 * hub's broadcast goes through the Socket.IO adapter as usual.
 */

const KEY = Symbol.for("groundwork.agendaEvents");
type Holder = { [KEY]?: EventEmitter };

function emitter(): EventEmitter {
  const holder = globalThis as Holder;
  holder[KEY] ??= new EventEmitter().setMaxListeners(50);
  return holder[KEY];
}

/** Called after a page changed a workshop's agenda or details. */
export function agendaChanged(workshopId: string): void {
  emitter().emit("changed", workshopId);
}

/** Listens for agenda changes; returns the function that stops listening. */
export function onAgendaChanged(listener: (workshopId: string) => void): () => void {
  emitter().on("changed", listener);
  return () => {
    emitter().off("changed", listener);
  };
}
