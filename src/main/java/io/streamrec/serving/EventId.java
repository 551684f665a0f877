package io.streamrec.serving;

/**
 * Where an event landed, as {@code POST /v1/events} names it: {@code <topic>-<partition>-<offset>},
 * e.g. {@code interactions-1-109}. The topic may itself contain dashes (a prefix), so the two
 * numbers are read from the end.
 */
record EventId(String topic, int partition, long offset) {
    static final String EXAMPLE = "interactions-1-109";

    String id() {
        return topic + "-" + partition + "-" + offset;
    }

    /** Parses {@code raw}, which must name an event of {@code topic}; a 400 saying what is wrong otherwise. */
    static EventId parse(String raw, String topic) {
        String problem = "after must be an event id as POST /v1/events answers it, <topic>-<partition>-<offset> (e.g. "
                + EXAMPLE + ")";
        int lastDash = raw.lastIndexOf('-');
        int dash = lastDash <= 0 ? -1 : raw.lastIndexOf('-', lastDash - 1);
        ApiError.check(dash > 0, problem + ", was '" + raw + "'");
        int partition;
        long offset;
        try {
            partition = Integer.parseInt(raw.substring(dash + 1, lastDash));
            offset = Long.parseLong(raw.substring(lastDash + 1));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(problem + ", was '" + raw + "'");
        }
        ApiError.check(partition >= 0 && offset >= 0, problem + ": partition and offset must not be negative, was '"
                + raw + "'");
        String named = raw.substring(0, dash);
        ApiError.check(named.equals(topic), "after names an event of topic '" + named + "', but events are read from '"
                + topic + "'");
        return new EventId(named, partition, offset);
    }
}
