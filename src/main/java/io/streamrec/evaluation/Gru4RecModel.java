package io.streamrec.evaluation;

import io.streamrec.model.sequence.SequenceScorer;
import io.streamrec.model.sequence.SequenceSettings;
import io.streamrec.model.sequence.SequenceSnapshot;
import io.streamrec.model.sequence.SequenceTrainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GRU4REC: the sequence model ({@code model.sequence}) trained in event time during the replay.
 * Every event is an example (the user's last L items, then this item) fed to the trainer, which
 * takes a mini-batch step every {@code stepEvery} examples; lists come from the last snapshot a
 * step finished, so no list sees an event after its own. Candidates are the known items the user
 * has not had, by the model's score; before the first step, and for items the snapshot does not
 * know yet, popularity decides.
 */
final class Gru4RecModel implements ReplayModel {
    private final ReplayLog log;
    private final SequenceTrainer trainer;
    private final UserHistories histories = new UserHistories(1);
    private final List<int[]> sequences = new ArrayList<>();
    private final double[] counts;
    private final double[] score;
    private final float[] hidden;
    private int[] rowOfItem = new int[0];
    private float[] rowScores = new float[0];
    private SequenceScorer scorer;

    Gru4RecModel(ReplayLog log, SequenceSettings settings) {
        this.log = log;
        this.trainer = new SequenceTrainer(settings);
        this.counts = new double[log.items().size()];
        this.score = new double[counts.length];
        this.hidden = new float[settings.hiddenDims()];
    }

    @Override
    public String name() {
        return "GRU4REC";
    }

    @Override
    public Map<String, Object> params() {
        SequenceSettings s = trainer.settings();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("embedding_dims", s.embeddingDims());
        params.put("hidden_dims", s.hiddenDims());
        params.put("length", s.length());
        params.put("negatives", s.negatives());
        params.put("batch_size", s.batchSize());
        params.put("step_every", s.stepEvery());
        params.put("window", s.window());
        params.put("learning_rate", s.learningRate());
        params.put("steps", trainer.steps());
        return params;
    }

    @Override
    public int[] recommend(int user, int n, long now) {
        if (trainer.snapshot() == null) {
            return PopModel.topByCounts(counts, null, histories, user, n);
        }
        follow(trainer.snapshot());
        int[] recent = sequence(user);
        int count = recent[0];
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = rowOfItem[recent[1 + i]];
        }
        scorer.hidden(rows, count, hidden);
        scorer.scores(hidden, rowScores);
        for (int item = 0; item < score.length; item++) {
            int row = rowOfItem[item];
            score[item] = row > 0 ? rowScores[row] : Double.NEGATIVE_INFINITY;
        }
        return PopModel.topByCounts(counts, score, histories, user, n);
    }

    /** Scores with {@code snapshot} from now on: maps every log item to its row in it (-1 when absent). */
    private void follow(SequenceSnapshot snapshot) {
        if (scorer != null && scorer.model() == snapshot) {
            return;
        }
        scorer = new SequenceScorer(snapshot);
        if (rowScores.length < snapshot.rowCount()) {
            rowScores = new float[Math.max(snapshot.rowCount(), 2 * rowScores.length)];
        }
        rowOfItem = new int[counts.length];
        for (int item = 0; item < counts.length; item++) {
            rowOfItem[item] = snapshot.rowOf(log.items().name(item));
        }
    }

    @Override
    public void learn(int user, int item, LoggedEvent event, boolean newForUser) {
        int[] recent = sequence(user);
        List<String> names = new ArrayList<>(recent[0]);
        for (int i = 0; i < recent[0]; i++) {
            names.add(log.items().name(recent[1 + i]));
        }
        trainer.add(names, log.items().name(item));
        append(user, item);
        counts[item]++;
        histories.add(user, item);
    }

    /** The user's last L items, oldest first, after a count: {count, item...}. */
    private int[] sequence(int user) {
        while (sequences.size() <= user) {
            sequences.add(new int[1 + trainer.settings().length()]);
        }
        return sequences.get(user);
    }

    private void append(int user, int item) {
        int[] recent = sequence(user);
        int length = recent.length - 1;
        if (recent[0] == length) {
            System.arraycopy(recent, 2, recent, 1, length - 1);
            recent[length] = item;
        } else {
            recent[1 + recent[0]++] = item;
        }
    }

    /** For tests: the user's recent items, oldest first. */
    int[] recentItems(int user) {
        int[] recent = sequence(user);
        return Arrays.copyOfRange(recent, 1, 1 + recent[0]);
    }
}
