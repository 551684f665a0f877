package io.streamrec.evaluation;

/**
 * How a grouped replay grouped its lines, for the reports.
 *
 * @param column the --group-col the baskets came from
 * @param groups how many groups the lines formed (see {@link EventGroups})
 */
record Grouping(String column, int groups) {
}
