package io.streamrec.evaluation;

import java.util.Locale;
import java.util.Map;

/**
 * Puts a log's own spelling of an event type into the product's vocabulary (VIEW, CLICK,
 * ADD_TO_CART, PURCHASE, RATING, LIKE, SHARE), so the default event weights apply to public
 * e-commerce logs ("addtocart", "transaction") without per-log flags. Unknown types pass through
 * upper-cased; evaluate gives them weight 1 unless a --weight names them.
 */
final class EventTypes {
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("ADDTOCART", "ADD_TO_CART"), Map.entry("CART", "ADD_TO_CART"),
            Map.entry("ADD_TO_BASKET", "ADD_TO_CART"), Map.entry("BASKET", "ADD_TO_CART"),
            Map.entry("TRANSACTION", "PURCHASE"), Map.entry("BUY", "PURCHASE"), Map.entry("ORDER", "PURCHASE"),
            Map.entry("CHECKOUT", "PURCHASE"), Map.entry("PAGEVIEW", "VIEW"), Map.entry("PAGE_VIEW", "VIEW"),
            Map.entry("DETAIL", "VIEW"), Map.entry("RATE", "RATING"));

    private EventTypes() {}

    static String canonical(String type) {
        String upper = type.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return ALIASES.getOrDefault(upper, upper);
    }
}
