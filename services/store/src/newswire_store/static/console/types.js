// The 16 PLOVER event types in the order of the contract, with a colour each: cooperation in
// greens and blues, disagreement in yellows, force in reds.
export const TYPES = [
  ["AGREE", "#1a7f5a"], ["CONSULT", "#2a9d8f"], ["SUPPORT", "#48b37a"], ["CONCEDE", "#7cb342"],
  ["COOPERATE", "#2b7bb9"], ["AID", "#4f9bd9"], ["RETREAT", "#8e7cc3"], ["REQUEST", "#6f7ea8"],
  ["ACCUSE", "#d9a400"], ["REJECT", "#e08e0b"], ["THREATEN", "#e0662f"], ["PROTEST", "#c9507a"],
  ["SANCTION", "#a05195"], ["MOBILIZE", "#b5523b"], ["COERCE", "#a1281d"], ["ASSAULT", "#6b0f0f"],
];
export const COLOR = Object.fromEntries(TYPES);
export const ORDER = Object.fromEntries(TYPES.map(([t], i) => [t, i]));

export function actorLabel(actor) {
  return actor.country ? `${actor.name} (${actor.country})` : actor.name;
}
