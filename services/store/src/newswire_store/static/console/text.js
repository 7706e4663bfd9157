// Offsets in the API count Unicode code points (Python's str); JavaScript strings count UTF-16
// units. These helpers turn stored offsets into slices of a JS string, exactly.

/** A function from a code-point offset to a UTF-16 index in `text`. */
export function codePointIndex(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return (offset) => offset;
  const units = [0];
  let at = 0;
  for (const ch of text) {
    at += ch.length;
    units.push(at);
  }
  return (offset) => units[Math.min(Math.max(offset, 0), units.length - 1)];
}

/** `text` split at the code-point offsets of the evidence [start, end) and the trigger inside
 * it, as [{text, kind}] with kind "plain", "evidence" or "trigger". */
export function evidenceSegments(text, evidence) {
  const at = codePointIndex(text);
  const cuts = [
    [0, "plain"],
    [at(evidence.start), "evidence"],
  ];
  const ts = evidence.trigger_start;
  const te = evidence.trigger_end;
  if (ts != null && te != null && evidence.start <= ts && ts < te && te <= evidence.end) {
    cuts.push([at(ts), "trigger"], [at(te), "evidence"]);
  }
  cuts.push([at(evidence.end), "plain"], [text.length, null]);
  const segments = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const [from, kind] = cuts[i];
    const to = cuts[i + 1][0];
    if (to > from) segments.push({ text: text.slice(from, to), kind });
  }
  return segments;
}

/** An element with text content (never HTML: article text is data, not markup). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}
