package io.streamrec.evaluation;

import java.util.List;
import java.util.Map;

/**
 * The baselines' parameters, set with {@code --set itemknn.window=5} and the like beside the
 * product's {@code streamrec.*} keys. An unknown key or a value out of range is refused, so a typo
 * never replays the defaults under a name that claims otherwise.
 */
public record BaselineSettings(int itemKnnWindow, int isgdFactors, float isgdLearningRate,
                               float isgdRegularization, double recentPopHalfLifeDays) {

    /** The settings every published baseline figure was measured with. */
    public static BaselineSettings defaults() {
        return new BaselineSettings(5, 10, 0.05f, 0.01f, RecentPopModel.DEFAULT_HALF_LIFE_MS / 86_400_000.0);
    }

    /** Every key, in the order the unknown-key message lists them. */
    static final List<String> KEYS = List.of("itemknn.window", "isgd.k", "isgd.lr", "isgd.reg", "recentpop.halflife");

    static boolean isBaselineKey(String key) {
        return !key.startsWith("streamrec.");
    }

    /** The defaults with each of {@code settings} applied; keys must all be baseline keys. */
    static BaselineSettings of(Map<String, String> settings) {
        BaselineSettings s = defaults();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String key = e.getKey();
            String value = e.getValue().trim();
            s = switch (key) {
                case "itemknn.window" -> new BaselineSettings(atLeastOne(key, value), s.isgdFactors,
                        s.isgdLearningRate, s.isgdRegularization, s.recentPopHalfLifeDays);
                case "isgd.k" -> new BaselineSettings(s.itemKnnWindow, atLeastOne(key, value), s.isgdLearningRate,
                        s.isgdRegularization, s.recentPopHalfLifeDays);
                case "isgd.lr" -> new BaselineSettings(s.itemKnnWindow, s.isgdFactors, (float) positive(key, value),
                        s.isgdRegularization, s.recentPopHalfLifeDays);
                case "isgd.reg" -> new BaselineSettings(s.itemKnnWindow, s.isgdFactors, s.isgdLearningRate,
                        (float) notNegative(key, value), s.recentPopHalfLifeDays);
                case "recentpop.halflife" -> new BaselineSettings(s.itemKnnWindow, s.isgdFactors,
                        s.isgdLearningRate, s.isgdRegularization, positive(key, value));
                default -> throw new IllegalArgumentException("--set: unknown key " + key + "; baseline keys are "
                        + String.join(", ", KEYS) + ", and streamrec.model.*, streamrec.blend.*, "
                        + "streamrec.fusion.* for streamrec");
            };
        }
        return s;
    }

    long recentPopHalfLifeMs() {
        return Math.round(recentPopHalfLifeDays * 86_400_000.0);
    }

    private static int atLeastOne(String key, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--set " + key + " must be an integer >= 1, was '" + value + "'");
    }

    private static double positive(String key, String value) {
        double x = number(key, value);
        if (!(x > 0)) {
            throw new IllegalArgumentException("--set " + key + " must be > 0, was " + value);
        }
        return x;
    }

    private static double notNegative(String key, String value) {
        double x = number(key, value);
        if (!(x >= 0)) {
            throw new IllegalArgumentException("--set " + key + " must be >= 0, was " + value);
        }
        return x;
    }

    private static double number(String key, String value) {
        try {
            double x = Double.parseDouble(value);
            if (Double.isFinite(x)) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--set " + key + " must be a number, was '" + value + "'");
    }
}
