package io.streamrec.bench.jmh;

import io.streamrec.model.ModelParams;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.index.ItemRecord;
import java.util.Map;
import java.util.Random;

/** Random item vectors and users, seeded so every fork scores the same data. */
final class Catalogue {
    static final int EXCLUDED = 50;

    private Catalogue() {}

    static float[] matrix(int rows, int dims, long seed) {
        Random random = new Random(seed);
        float[] matrix = new float[rows * dims];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = (float) (random.nextGaussian() * 0.1);
        }
        return matrix;
    }

    static float[][] users(int count, int dims, long seed) {
        Random random = new Random(seed);
        float[][] users = new float[count][dims];
        for (float[] user : users) {
            for (int d = 0; d < dims; d++) {
                user[d] = (float) (random.nextGaussian() * 0.1);
            }
        }
        return users;
    }

    /** The users as one row-major B x dims matrix, as BLAS and the batched kernels take them. */
    static float[] flatten(float[][] users) {
        int dims = users[0].length;
        float[] flat = new float[users.length * dims];
        for (int u = 0; u < users.length; u++) {
            System.arraycopy(users[u], 0, flat, u * dims, dims);
        }
        return flat;
    }

    /** A user's history: {@link #EXCLUDED} items that must not come back. */
    static boolean[] excluded(int rows, long seed) {
        Random random = new Random(seed);
        boolean[] excluded = new boolean[rows];
        for (int i = 0; i < EXCLUDED; i++) {
            excluded[random.nextInt(rows)] = true;
        }
        return excluded;
    }

    /**
     * {@code count} items "item-0", "item-1", ... each starting from its seeded noise vector, as the
     * item side starts them, put in {@code records} and in {@code index}; returns their ids.
     */
    static String[] noiseItems(int count, ModelParams params, ItemIndex index, Map<String, ItemRecord> records) {
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = "item-" + i;
            ItemRecord record = new ItemRecord(ids[i], ItemIndex.noise(ids[i], params.dimensions(), params.initStd()),
                    params.neighbours());
            records.put(ids[i], record);
            index.upsert(record);
        }
        return ids;
    }
}
