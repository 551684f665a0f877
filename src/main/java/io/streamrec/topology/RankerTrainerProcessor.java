package io.streamrec.topology;

import static io.streamrec.topology.NodeNames.RANKER_WEIGHTS_SINK;

import io.streamrec.model.ModelParams;
import io.streamrec.model.ranker.RankerSettings;
import io.streamrec.model.ranker.RankerTraining;
import io.streamrec.model.ranker.RankerWeights;
import io.streamrec.model.ranker.RankingExample;
import io.streamrec.stores.StoreNames;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployment's one ranker trainer, on the single partition of `ranker-examples`: takes a
 * mini-batch step every few examples ({@link RankerTraining}) and publishes each step's weights
 * to the compacted `ranker-weights`, in the same transaction as it stores them. A restarted
 * trainer resumes from the stored weights; the optimiser's moments and the window of recent
 * examples start afresh, which costs a few steps of warm-up, not what was learned.
 */
final class RankerTrainerProcessor implements Processor<byte[], byte[], byte[], byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(RankerTrainerProcessor.class);
    static final String KEY = "ranker";
    private static final byte[] KEY_BYTES = KEY.getBytes(StandardCharsets.UTF_8);

    private final ModelParams params;
    private final RankerSettings settings;
    private KeyValueStore<String, byte[]> stored;
    private RankerTraining training;
    private ProcessorContext<byte[], byte[]> context;
    private final RepeatedWarning skipped = new RepeatedWarning("ranking example skipped", LOG::warn,
            System::currentTimeMillis);

    RankerTrainerProcessor(ModelParams params, RankerSettings settings) {
        this.params = params;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        stored = context.getStateStore(StoreNames.RANKER_STATE);
        byte[] last = stored.get(KEY);
        RankerWeights start = last != null ? restored(last) : RankerWeights.first(params, settings, 0);
        // Publication is the delay live: each step's weights go out at once.
        training = new RankerTraining(start, settings, 0, start.version());
    }

    /** The stored weights, or a fresh start when they are another build's (other features) that this one cannot rank by. */
    private RankerWeights restored(byte[] stored) {
        try {
            return RankerWeights.fromBytes(stored);
        } catch (IllegalArgumentException e) {
            LOG.warn("ranker training starts again from the blend: {}", e.getMessage());
            return RankerWeights.first(params, settings, 0);
        }
    }

    @Override
    public void close() {
        if (training != null) {
            training.close();
        }
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RankingExample example;
        try {
            example = RankingExample.fromBytes(record.value());
        } catch (IllegalArgumentException e) {
            // Written by another build during a rolling upgrade: not this trainer's to learn from.
            skipped.occurred(e.getMessage());
            return;
        }
        training.offer(example, record.timestamp());
        RankerWeights next = training.due(Long.MAX_VALUE);
        if (next != null) {
            byte[] bytes = next.toBytes();
            stored.put(KEY, bytes);
            context.forward(new Record<>(KEY_BYTES, bytes, record.timestamp()), RANKER_WEIGHTS_SINK);
        }
    }
}
