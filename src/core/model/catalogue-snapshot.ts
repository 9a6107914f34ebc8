/**
 * The version catalogue the bundled CLI was built with: `versions.yaml`'s text and what
 * `parseCatalogue` made of it, as JSON (scripts/build-time.mjs puts them here). From source there
 * is none. `loadCatalogue` uses it only for a file whose text is exactly `text`.
 */
export const builtCatalogue: { text: string; json: string } | undefined = undefined;
