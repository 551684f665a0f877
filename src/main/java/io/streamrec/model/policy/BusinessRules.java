package io.streamrec.model.policy;

import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.index.ItemMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a shop allows in a list, on item metadata: categories to keep or drop, items never to
 * show, a price range, and boosts that multiply the score of items in a category or with a
 * tag. An item outside its availability window (available-from / expires from `items`) is
 * never admitted, whatever the rules. Configured defaults and a request's rules combine with
 * {@link #and}: an item must pass both.
 *
 * @param includeCategories when not null, an item must be in at least one of them (an empty set admits nothing)
 * @param excludeCategories an item in any of them is dropped
 * @param excludeItems      ids never shown
 * @param boosts            category or tag -> score multiplier (&gt; 0; below 1 demotes)
 * @param minPrice          when not null, items priced below are dropped; items without a price pass
 * @param maxPrice          when not null, items priced above are dropped; items without a price pass
 */
public record BusinessRules(Set<String> includeCategories, Set<String> excludeCategories, Set<String> excludeItems,
                            Map<String, Double> boosts, Double minPrice, Double maxPrice) {

    private static final BusinessRules NONE = new BusinessRules(null, Set.of(), Set.of(), Map.of(), null, null);

    public BusinessRules {
        includeCategories = includeCategories == null ? null : Set.copyOf(includeCategories);
        excludeCategories = Set.copyOf(excludeCategories);
        excludeItems = Set.copyOf(excludeItems);
        boosts = Map.copyOf(boosts);
        boosts.forEach((key, weight) -> require(weight > 0 && Double.isFinite(weight),
                "boost of " + key + " must be a positive number, was " + weight));
        require(minPrice == null || minPrice >= 0 && Double.isFinite(minPrice), "minimum price must be >= 0");
        require(maxPrice == null || maxPrice >= 0 && Double.isFinite(maxPrice), "maximum price must be >= 0");
        require(minPrice == null || maxPrice == null || minPrice <= maxPrice,
                "minimum price " + minPrice + " is above maximum price " + maxPrice);
    }

    /** No rules: every available item within its window passes, unboosted. */
    public static BusinessRules none() {
        return NONE;
    }

    /** Both sets of rules at once: an item must pass each, and boosts multiply. */
    public BusinessRules and(BusinessRules other) {
        // No rules combine to the other side as it is: a lookup without rule parameters builds nothing.
        if (other == NONE) {
            return this;
        }
        if (this == NONE) {
            return other;
        }
        Set<String> include = includeCategories;
        if (other.includeCategories != null) {
            include = include == null ? other.includeCategories : intersection(include, other.includeCategories);
        }
        Map<String, Double> boost = new HashMap<>(boosts);
        other.boosts.forEach((key, weight) -> boost.merge(key, weight, (a, b) -> a * b));
        return new BusinessRules(include, union(excludeCategories, other.excludeCategories),
                union(excludeItems, other.excludeItems), boost, tighter(minPrice, other.minPrice, true),
                tighter(maxPrice, other.maxPrice, false));
    }

    public boolean hasBoosts() {
        return !boosts.isEmpty();
    }

    /** Whether the rules restrict anything beyond the availability window. */
    public boolean filters() {
        return includeCategories != null || !excludeCategories.isEmpty() || !excludeItems.isEmpty()
                || minPrice != null || maxPrice != null;
    }

    /** Whether {@code entry} may be shown at {@code now} (epoch ms). */
    public boolean admits(ItemIndex.Entry entry, long now) {
        // Runs for every candidate of every list: the empty rule sets of the common case cost nothing.
        ItemMetadata item = entry.metadata();
        if (!item.available() || !excludeItems.isEmpty() && excludeItems.contains(entry.id())) {
            return false;
        }
        if (item.availableFrom() != null && now < item.availableFrom()
                || item.expires() != null && now >= item.expires()) {
            return false;
        }
        if (includeCategories != null && item.categories().stream().noneMatch(includeCategories::contains)) {
            return false;
        }
        if (!excludeCategories.isEmpty() && item.categories().stream().anyMatch(excludeCategories::contains)) {
            return false;
        }
        Double price = item.price();
        return price == null || (minPrice == null || price >= minPrice) && (maxPrice == null || price <= maxPrice);
    }

    /**
     * The items the rules admit at {@code now}, in order, each passed to {@code keep} with its
     * entry, in one read pass over the index: {@link ItemIndex#entry} would copy each item's
     * neighbour list out of the index just to read its metadata.
     *
     * @param keep what to keep of an admitted item; it sees the live entry, valid only during the call
     */
    public <T, R> List<R> admitted(ItemIndex index, List<T> items, Function<T, String> id,
                                   BiFunction<T, ItemIndex.Entry, R> keep, long now) {
        return index.read(snapshot -> {
            List<R> kept = new ArrayList<>(items.size());
            for (T item : items) {
                int slot = snapshot.slot(id.apply(item));
                if (slot >= 0 && admits(snapshot.entry(slot), now)) {
                    kept.add(keep.apply(item, snapshot.entry(slot)));
                }
            }
            return kept;
        });
    }

    public Predicate<ItemIndex.Entry> filter(long now) {
        return entry -> admits(entry, now);
    }

    /** The product of the boosts of the item's categories and tags (1 when none applies). */
    public double boost(ItemIndex.Entry entry) {
        if (boosts.isEmpty()) {
            return 1;
        }
        double factor = 1;
        Set<String> keys = new HashSet<>(entry.metadata().categories());
        keys.addAll(entry.metadata().tags());
        for (String key : keys) {
            factor *= boosts.getOrDefault(key, 1.0);
        }
        return factor;
    }

    /**
     * Parses {@code name:weight} pairs separated by commas (e.g. {@code books:1.5,sale:2}); the name
     * is a category or a tag. Throws IllegalArgumentException with a message fit for a user.
     */
    public static Map<String, Double> parseBoosts(List<String> pairs) {
        Map<String, Double> boosts = new LinkedHashMap<>();
        for (String pair : pairs) {
            int colon = pair.lastIndexOf(':');
            require(colon > 0 && colon < pair.length() - 1,
                    "a boost is category:weight or tag:weight, e.g. books:1.5; got '" + pair + "'");
            String name = pair.substring(0, colon).trim();
            double weight;
            try {
                weight = Double.parseDouble(pair.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the weight of boost '" + pair + "' is not a number");
            }
            require(weight > 0 && Double.isFinite(weight), "the weight of boost '" + pair + "' must be > 0");
            boosts.merge(name, weight, (a, b) -> a * b);
        }
        return boosts;
    }

    private static Double tighter(Double a, Double b, boolean lowerBound) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return lowerBound ? Math.max(a, b) : Math.min(a, b);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.retainAll(b);
        return out;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
