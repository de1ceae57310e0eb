/** Page sizes of the connections (no decorators here: src/config.ts reads them through the cost plugin). */
export const MAX_PAGE = 100;
/** The page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE = 20;
