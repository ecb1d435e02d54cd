// Loads shared per published event: every subscriber on this instance receives the same event object, so the
// row behind it is read once per event and selection, not once per subscriber (1,000 dashboards would otherwise
// mean 1,000 queries per event). Entries live as long as the event object does.

const loads = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * The result of `load` for this event and selection, started by the first caller and shared with the rest.
 * Only for loads whose result does not depend on the caller: visibility must have been decided before.
 */
export function loadOncePerEvent<T>(event: object, selection: unknown, load: () => Promise<T>): Promise<T> {
  let bySelection = loads.get(event);
  if (!bySelection) {
    bySelection = new Map();
    loads.set(event, bySelection);
  }
  const key = JSON.stringify(selection);
  let row = bySelection.get(key);
  if (!row) {
    row = load();
    bySelection.set(key, row);
  }
  return row as Promise<T>;
}
