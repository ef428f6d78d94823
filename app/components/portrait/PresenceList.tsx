import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import { useLocale } from "~/i18n/useLocale";
import { presenceSchema } from "~/portrait/collaboration";

type Person = { clientId: number; name: string; color: string; role: string | null; field: string | null; you: boolean };

/**
 * Who has the Portrait open, from the provider's awareness states (other
 * browsers' states are parsed, never trusted). Each person is named, with
 * their colour as a swatch beside the name and where they are in words, so
 * the list reads the same without colour.
 */
export function PresenceList({ provider, fieldLabel }: { provider: HocuspocusProvider; fieldLabel: (field: string) => string | null }) {
  const { t } = useLocale();
  const [people, setPeople] = useState<Person[]>([]);

  useEffect(() => {
    const awareness = provider.awareness;
    if (!awareness) return;
    const read = () => {
      const list: Person[] = [];
      for (const [clientId, state] of awareness.getStates()) {
        const parsed = presenceSchema.safeParse(state);
        if (!parsed.success) continue;
        const { user, field } = parsed.data;
        list.push({ clientId, name: user.name, color: user.color, role: user.role ?? null, field: field ?? null, you: clientId === awareness.clientID });
      }
      list.sort((a, b) => Number(b.you) - Number(a.you) || a.name.localeCompare(b.name));
      setPeople(list);
    };
    awareness.on("change", read);
    read();
    return () => awareness.off("change", read);
  }, [provider]);

  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading" className="presence__heading">
        {t("portrait.presence.heading", { count: people.length })}
      </h2>
      <ul className="presence__list">
        {people.map((person) => {
          const where = person.field ? fieldLabel(person.field) : null;
          return (
            <li key={person.clientId} className="presence__person">
              <span className="presence__swatch" style={{ backgroundColor: person.color }} aria-hidden="true" />
              <span>
                <strong>{person.you ? t("portrait.presence.you", { name: person.name }) : person.name}</strong>
                {where ? <span className="presence__where">{t("portrait.presence.editing", { field: where })}</span> : null}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
