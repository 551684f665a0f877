package io.streamrec.serving;

/**
 * The bounds every endpoint applies alike.
 *
 * @param maxIdLength longest user or item id (streamrec.validation.max.id.length)
 * @param maxN        the largest list any endpoint answers: the configured list size
 *                    (streamrec.recommendations.size), so n means the same everywhere
 */
record RequestLimits(int maxIdLength, int maxN) {}
