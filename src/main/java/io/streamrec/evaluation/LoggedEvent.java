package io.streamrec.evaluation;

/**
 * One line of an interaction log, as every reader yields it.
 *
 * @param type      upper-case event type (RATING, VIEW, PURCHASE...)
 * @param value     the event's strength when the log has one (a rating), else NaN
 * @param timestamp epoch milliseconds
 */
public record LoggedEvent(String user, String item, String type, double value, long timestamp) {
}
