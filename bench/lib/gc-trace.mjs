/**
 * Reads what `node --trace-gc` printed: each collection's heap in use before and after, in MB.
 * Full collections (Mark-Compact) show what is really kept alive; the heap before any collection
 * shows how high garbage was let to pile up.
 */

const GC_LINE = /(Scavenge|Mark-Compact|Mark-sweep)[^\d]*([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/;

/**
 * @typedef {object} GcSummary
 * @property {number} collections  all collections in the text
 * @property {number} fullCollections  Mark-Compact ones
 * @property {number} peakHeapMiB  the highest heap in use seen before a collection
 * @property {number | null} liveAfterFullMiB  the highest heap in use right after a full collection
 *   (null when there was none)
 */

/**
 * @param {string} text  a slice of the server's output
 * @returns {GcSummary}
 */
export function summarizeGcTrace(text) {
  let collections = 0;
  let fullCollections = 0;
  let peak = 0;
  /** @type {number | null} */
  let live = null;
  for (const line of text.split('\n')) {
    const match = GC_LINE.exec(line);
    if (!match) continue;
    collections += 1;
    peak = Math.max(peak, Number(match[2]));
    if (match[1] !== 'Scavenge') {
      fullCollections += 1;
      live = Math.max(live ?? 0, Number(match[4]));
    }
  }
  return { collections, fullCollections, peakHeapMiB: peak, liveAfterFullMiB: live };
}
