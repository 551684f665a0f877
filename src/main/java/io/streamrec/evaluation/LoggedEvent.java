package io.streamrec.evaluation;

/**
 * One line of an interaction log, as every reader yields it.
 *
 * @param type      upper-case event type (RATING, VIEW, PURCHASE...)
 * @param value     the event's strength when the log has one (a rating), else NaN
 * @param timestamp epoch milliseconds
 * @param group     the line's basket (an invoice number) when the log is read with a group column, else null;
 *                  see {@link EventGroups} for which lines form one group
 */
public record LoggedEvent(String user, String item, String type, double value, long timestamp, String group) {

    /** A line that belongs to no group. */
    public LoggedEvent(String user, String item, String type, double value, long timestamp) {
        this(user, item, type, value, timestamp, null);
    }
}
