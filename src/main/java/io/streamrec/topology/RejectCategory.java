package io.streamrec.topology;

import java.util.Locale;

/**
 * A dead letter's reason reduced to a fixed set, so a metric label has bounded values while
 * the record itself keeps the precise reason text.
 */
public enum RejectCategory {
    MALFORMED, UNKNOWN_TYPE, BAD_ID, BAD_KEY, NON_FINITE, BAD_TIMESTAMP, LEARNING_FAILED, OTHER;

    /** The label value, e.g. {@code bad_timestamp}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category of a reason as {@code Validation} and the processors word it. */
    public static RejectCategory of(String reason) {
        if (reason == null) {
            return OTHER;
        }
        if (reason.startsWith("malformed")) {
            return MALFORMED;
        }
        if (reason.startsWith("learning failed")) {
            return LEARNING_FAILED;
        }
        if (reason.startsWith("unknown event type")) {
            return UNKNOWN_TYPE;
        }
        if (reason.startsWith("user id") || reason.startsWith("item id")) {
            return BAD_ID;
        }
        if (reason.contains("key")) {
            return BAD_KEY;
        }
        if (reason.startsWith("value is not finite")) {
            return NON_FINITE;
        }
        if (reason.startsWith("timestamp")) {
            return BAD_TIMESTAMP;
        }
        return OTHER;
    }
}
