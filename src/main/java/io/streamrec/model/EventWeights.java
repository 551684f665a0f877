package io.streamrec.model;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How strongly each event type says "the user likes this item". A purchase says more than a
 * view; the learner scales its step and the item's popularity by it.
 */
public final class EventWeights {
    private final Map<String, Double> weights;

    public EventWeights(Map<String, Double> weights) {
        this.weights = new TreeMap<>();
        weights.forEach((type, weight) -> {
            if (!(weight > 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("weight of " + type + " must be a positive number, was " + weight);
            }
            this.weights.put(type.toUpperCase(Locale.ROOT), weight);
        });
    }

    public static EventWeights defaults() {
        return new EventWeights(Map.of(
                "VIEW", 1.0, "CLICK", 2.0, "ADD_TO_CART", 3.0, "PURCHASE", 5.0,
                "RATING", 1.0, "LIKE", 2.0, "SHARE", 2.0));
    }

    /** The weight of a type; types without one are not learned from (weight 0). */
    public double weight(String type) {
        return weights.getOrDefault(type.toUpperCase(Locale.ROOT), 0.0);
    }

    public EventWeights with(String type, double weight) {
        Map<String, Double> copy = new TreeMap<>(weights);
        copy.put(type, weight);
        return new EventWeights(copy);
    }

    public Map<String, Double> asMap() {
        return Map.copyOf(weights);
    }
}
