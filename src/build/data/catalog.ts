import { loadCatalog } from './compile.ts';
import type { Catalog } from './model.ts';

export { DataError } from './model.ts';
export { compileCatalog, loadCatalog, readDataFiles } from './compile.ts';

let cached: Catalog | undefined;

/**
 * The project's data (data/*.json), validated and resolved: places, paths (roads and
 * movements), areas and markers, each keyed by id. Built once per process; throws a DataError
 * naming the file, feature, field and reason of every problem.
 */
export function catalog(): Catalog {
  return (cached ??= loadCatalog());
}
