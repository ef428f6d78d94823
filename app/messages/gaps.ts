/** What the dashboard needs to know about one audience's plan. */
export type AudiencePlanState = {
  id: string;
  key: string | null;
  name: string;
  message: string | null;
  languagesNeeded: readonly string[];
  /** Languages each messenger speaks, one list per messenger. */
  messengerLanguages: readonly (readonly string[])[];
  /** Languages of the audience's planned communications. */
  communicationLanguages: readonly string[];
};

export type AudienceGap = { id: string; key: string | null; name: string };
export type LanguageGap = AudienceGap & { missing: string[] };
export type MessagePlanGaps = { withoutMessage: AudienceGap[]; withoutMessenger: AudienceGap[]; withoutLanguage: LanguageGap[] };

/**
 * A needed language is covered when a messenger speaks it or a communication
 * is planned in it; the languages left over are the audience's gap.
 */
export function missingLanguages(state: AudiencePlanState): string[] {
  const covered = new Set([...state.messengerLanguages.flat(), ...state.communicationLanguages]);
  return state.languagesNeeded.filter((language) => !covered.has(language));
}

/** Audiences with no tailored message, with no champion as messenger, or needing a language nobody covers. */
export function planGaps(states: readonly AudiencePlanState[]): MessagePlanGaps {
  const gaps: MessagePlanGaps = { withoutMessage: [], withoutMessenger: [], withoutLanguage: [] };
  for (const state of states) {
    const audience = { id: state.id, key: state.key, name: state.name };
    if (!state.message?.trim()) gaps.withoutMessage.push(audience);
    if (state.messengerLanguages.length === 0) gaps.withoutMessenger.push(audience);
    const missing = missingLanguages(state);
    if (missing.length > 0) gaps.withoutLanguage.push({ ...audience, missing });
  }
  return gaps;
}
