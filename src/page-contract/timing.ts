// The times both sides count on: the script's sampling bounds, and how far ahead it looks.

/** Date.now() counts whole milliseconds; the server's microseconds are negligible beside that. */
export const RESOLUTION_MS = 1

/** A sample unanswered this long is given up: it also bounds an estimate's uncertainty. */
export const REQUEST_TIMEOUT_MS = 5_000

/** How far ahead the visitor hears of a change of the difference: 8 weeks. */
export const CHANGES_AHEAD_MS = 8 * 7 * 86_400_000
