package io.streamrec.model.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a group's members' scores for one item become the group's score (Masthoff's aggregation strategies). */
public enum GroupStrategy {
    /** The mean: what the group likes on the whole. */
    AVERAGE {
        @Override
        public double aggregate(double[] scores) {
            return Arrays.stream(scores).average().orElse(0);
        }
    },
    /** The least happy member's score: nobody is left with something they dislike. */
    LEAST_MISERY {
        @Override
        public double aggregate(double[] scores) {
            return Arrays.stream(scores).min().orElse(0);
        }
    },
    /** The happiest member's score: someone will love it. */
    MOST_PLEASURE {
        @Override
        public double aggregate(double[] scores) {
            return Arrays.stream(scores).max().orElse(0);
        }
    };

    public abstract double aggregate(double[] scores);

    /** The strategy named {@code name} in any case ("least_misery"); IllegalArgumentException naming the known ones. */
    public static GroupStrategy parse(String name) {
        for (GroupStrategy strategy : values()) {
            if (strategy.name().equalsIgnoreCase(name.trim())) {
                return strategy;
            }
        }
        throw new IllegalArgumentException("strategy must be one of " + names() + ", was '" + name + "'");
    }

    public static String names() {
        return Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
