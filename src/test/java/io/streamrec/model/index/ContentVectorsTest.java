package io.streamrec.model.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentVectorsTest {
    private final ContentVectors content = new ContentVectors();

    /** Slots 0..19: a crowd of dramas from the 1990s, so "drama" and the decade are common words. */
    private void crowd() {
        for (int s = 0; s < 20; s++) {
            content.put(s, "Drama number " + s + " (1994)", List.of("Drama"), List.of());
        }
    }

    @Test
    void featuresComeFromCategoriesTagsTitleWordsAndTheDecade() {
        int[] f = ContentVectors.features("The Lion King (1994)", List.of("Animation"), List.of("disney"));
        assertThat(f).hasSize(5).as("sorted, distinct").isSorted();
        assertThat(ContentVectors.features("the LION king (1996)", List.of("animation "), List.of("Disney")))
                .as("case, stop words and the year within a decade do not matter").containsExactly(f);
        assertThat(ContentVectors.features(null, List.of(), List.of())).isEmpty();
    }

    @Test
    void aRareSharedTitleWordSaysMoreThanACommonGenre() {
        crowd();
        content.put(20, "Toy Story (1995)", List.of("Animation", "Drama"), List.of());
        content.put(21, "Toy Story 2 (1999)", List.of("Animation", "Drama"), List.of());
        content.put(22, "Heat (1995)", List.of("Drama"), List.of());
        assertThat(content.cosine(20, 20)).isCloseTo(1f, within(1e-5f));
        assertThat(content.cosine(20, 21)).isGreaterThan(content.cosine(20, 22));
        assertThat(content.cosine(20, 0)).isGreaterThan(0f).isLessThan(content.cosine(20, 21));
        assertThat(content.neighbours(20, 3)).startsWith(21).doesNotContain(20);
        assertThat(content.similarities(20, 23)[21]).isCloseTo(content.cosine(20, 21), within(1e-5f));
    }

    @Test
    void inALargeCatalogueNeighboursShareARareFeatureAndOnlyCommonOnesWhenNoneDoes() {
        // 3,000 dramas of the 1990s: "drama" and the decade are held by far more than 1/30 of them.
        for (int s = 0; s < 3000; s++) {
            content.put(s, "Film " + s + " (1994)", List.of("Drama"), List.of());
        }
        content.put(3000, "Lighthouse Keepers (1995)", List.of("Drama"), List.of());
        content.put(3001, "The Lighthouse (1997)", List.of("Drama", "Horror"), List.of());
        content.put(3002, "Quiet Sea (1996)", List.of("Drama"), List.of());
        assertThat(content.neighbours(3000, 5)).as("only the item sharing a rare word").containsExactly(3001);
        assertThat(content.neighbours(3002, 5)).as("no rare word shared: the closest dramas of the decade")
                .hasSize(5).doesNotContain(3002);
        float commonOnly = content.cosine(3002, content.neighbours(3002, 5)[0]);
        assertThat(commonOnly).isGreaterThan(0f);
    }

    @Test
    void itemsWithoutSharedFeaturesAreUnrelated() {
        content.put(0, "Alpha", List.of("a"), List.of());
        content.put(1, "Beta", List.of("b"), List.of());
        assertThat(content.cosine(0, 1)).isZero();
        assertThat(content.neighbours(0, 5)).isEmpty();
    }

    @Test
    void removingAnItemDropsItFromNeighbourLists() {
        crowd();
        content.put(20, "Alien (1979)", List.of("Horror"), List.of("space"));
        content.put(21, "Aliens (1986)", List.of("Horror"), List.of("space"));
        assertThat(content.neighbours(20, 5)).containsExactly(21);
        content.remove(21);
        assertThat(content.has(21)).isFalse();
        assertThat(content.neighbours(20, 5)).isEmpty();
    }

    @Test
    void nearestFindsItemsForMetadataNotInTheCatalogueYet() {
        crowd();
        content.put(20, "Godfather, The (1972)", List.of("Crime", "Drama"), List.of());
        content.put(21, "Heat (1995)", List.of("Crime", "Action"), List.of());
        ContentVectors.Nearest nearest = content.nearest("Godfather: Part II, The (1974)", List.of("Crime", "Drama"),
                List.of(), 2, slot -> true);
        assertThat(nearest.slots()).startsWith(20).hasSize(2);
        assertThat(nearest.similarity()[0]).isGreaterThan(nearest.similarity()[1]);
        assertThat(content.nearest("Godfather", List.of(), List.of(), 2, slot -> slot != 20).slots()).isEmpty();
    }

    @Test
    void aProfileScoresCandidatesByTheirLikenessToTheRecentItems() {
        crowd();
        content.put(20, "Star Wars (1977)", List.of("Sci-Fi"), List.of());
        content.put(21, "Star Trek (1979)", List.of("Sci-Fi"), List.of());
        content.put(22, "Notting Hill (1960)", List.of("Romance"), List.of());
        float[] out = new float[3];
        content.scoreAgainst(new int[] {20, 0}, new double[] {1.0, 0.5}, new int[] {21, 22, 1}, 3, out);
        assertThat(out[0]).isGreaterThan(out[2]).isGreaterThan(out[1]);
        assertThat(out[1]).isZero();
        float[] again = new float[3];
        content.scoreAgainst(new int[] {20, 0}, new double[] {1.0, 0.5}, new int[] {21, 22, 1}, 3, again);
        assertThat(again).as("the profile scratch is cleared between uses").containsExactly(out);
    }
}
