package io.streamrec.model.online;

import io.streamrec.model.content.ContentAutoencoder;
import io.streamrec.model.content.ContentEncoderSettings;
import io.streamrec.model.content.ContentRow;
import io.streamrec.model.index.ContentVectors;
import java.util.List;

/**
 * When the content autoencoder trains, for a model whose content similarity comes from it: first
 * on the catalogue known up front, then again (a few passes on from the last weights) each time
 * the catalogue has changed by {@link ContentEncoderSettings#retrainEvery} items, counted in
 * catalogue changes so the cadence does not depend on traffic. Until the first training, content
 * similarity is the TF-IDF cosine. One owner, one thread; the codes are installed in the content
 * vectors, which guard themselves.
 */
public final class ContentTraining {
    /** The fewest items with content worth training on: fewer give codes of a handful of directions. */
    static final int FEWEST_ITEMS = 2;

    private final ContentEncoderSettings settings;
    private final ContentVectors content;
    private final ContentAutoencoder autoencoder;
    private long changesAtLastFit;
    private int fits;

    /** @param seed the autoencoder's initial weights and its batches' shuffling */
    public ContentTraining(ContentEncoderSettings settings, ContentVectors content, long seed) {
        if (!settings.learned()) {
            throw new IllegalArgumentException("content is not learned with the " + settings.encoder().configName()
                    + " encoder");
        }
        this.settings = settings;
        this.content = content;
        this.autoencoder = new ContentAutoencoder(settings, seed);
    }

    /** Trains on the catalogue known up front, if it has content; true when it trained. */
    public boolean start() {
        return fit();
    }

    /** Trains when the catalogue has changed by the retraining cadence since the last training (or the start); true when it trained. */
    public boolean catalogueChanged() {
        return content.changes() - changesAtLastFit >= settings.retrainEvery() && fit();
    }

    private boolean fit() {
        long changes = content.changes();
        List<ContentRow> rows = content.rows();
        if (rows.size() < FEWEST_ITEMS) {
            return false;
        }
        content.encodeWith(autoencoder.fit(rows, fits == 0 ? settings.epochs() : settings.retrainEpochs()),
                settings.encoder().codeShare());
        changesAtLastFit = changes;
        fits++;
        return true;
    }

    /** How many times the autoencoder has trained. */
    public int fits() {
        return fits;
    }
}
