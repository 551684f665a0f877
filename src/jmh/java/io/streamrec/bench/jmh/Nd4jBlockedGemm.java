package io.streamrec.bench.jmh;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A batch of users against the catalogue with one ND4J gemm per block of items: the B x block
 * score matrix stays in cache, is read in place from ND4J's buffer by each user's
 * {@link RunningTop}, and is overwritten by the next block, so the B x items matrix is never
 * materialised or copied. Every INDArray (block views, score blocks) is made once here: making
 * one costs 30-50 us, a raw BLAS call about 300 ns. With one block of all items it is a single
 * gemm whose B x items result is selected from in place, still without a copy.
 */
final class Nd4jBlockedGemm implements FusedKernel {
    private final INDArray users;
    private final INDArray[] blocksTransposed;
    private final int[] blockStarts;
    private final INDArray fullScores;
    private final INDArray tailScores;
    private final ByteBuffer fullBuffer;
    private final ByteBuffer tailBuffer;

    Nd4jBlockedGemm(float[] matrix, int rows, float[][] users, int blockRows) {
        int dims = users[0].length;
        int batch = users.length;
        this.users = Nd4j.create(Catalogue.flatten(users), new long[] {batch, dims}, 'c');
        INDArray items = Nd4j.create(matrix, new long[] {rows, dims}, 'c');
        int blocks = (rows + blockRows - 1) / blockRows;
        blocksTransposed = new INDArray[blocks];
        blockStarts = new int[blocks];
        for (int b = 0; b < blocks; b++) {
            int start = b * blockRows;
            blockStarts[b] = start;
            blocksTransposed[b] = items.get(NDArrayIndex.interval(start, Math.min(rows, start + blockRows)), NDArrayIndex.all())
                    .transpose();
        }
        int tailRows = rows - (blocks - 1) * blockRows;
        fullScores = Nd4j.create(DataType.FLOAT, new long[] {batch, blockRows}, 'c');
        tailScores = tailRows == blockRows ? fullScores : Nd4j.create(DataType.FLOAT, new long[] {batch, tailRows}, 'c');
        fullBuffer = fullScores.data().asNio().order(ByteOrder.nativeOrder());
        tailBuffer = tailScores.data().asNio().order(ByteOrder.nativeOrder());
    }

    @Override
    public void score(RunningTop[] tops) {
        for (int b = 0; b < blocksTransposed.length; b++) {
            boolean tail = b == blocksTransposed.length - 1;
            INDArray scores = tail ? tailScores : fullScores;
            ByteBuffer buffer = tail ? tailBuffer : fullBuffer;
            Nd4j.getBlasWrapper().level3().gemm('c', 'N', 'N', 1.0, users, blocksTransposed[b], 0.0, scores);
            int columns = (int) scores.columns();
            for (int u = 0; u < tops.length; u++) {
                tops[u].scan(buffer, u * columns * Float.BYTES, blockStarts[b], columns);
            }
        }
    }
}
