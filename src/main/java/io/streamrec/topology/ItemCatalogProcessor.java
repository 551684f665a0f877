package io.streamrec.topology;

import static io.streamrec.topology.NodeNames.ITEM_REJECTED_SINK;
import static io.streamrec.topology.NodeNames.LEARN_ITEM;

import io.streamrec.avro.Item;
import io.streamrec.events.AvroSerdes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Decodes catalogue records from `items`; malformed ones are dead-lettered, tombstones pass on. */
final class ItemCatalogProcessor implements Processor<byte[], byte[], Object, Object> {
    private ProcessorContext<Object, Object> context;

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (record.key() == null || record.key().length == 0) {
            DeadLetters.reject(context, ITEM_REJECTED_SINK, record, "item record without an item id key");
            return;
        }
        String id = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            context.forward(record.withKey((Object) id).withValue(null), LEARN_ITEM);
            return;
        }
        Item item;
        try {
            item = AvroSerdes.ITEM.decode(record.value());
        } catch (IOException | RuntimeException e) {
            DeadLetters.reject(context, ITEM_REJECTED_SINK, record, "malformed Avro Item: " + e.getMessage());
            return;
        }
        if (!id.equals(item.getId())) {
            DeadLetters.reject(context, ITEM_REJECTED_SINK, record, "record key '" + id + "' is not the item id '" + item.getId() + "'");
            return;
        }
        context.forward(record.withKey((Object) id).withValue(item), LEARN_ITEM);
    }
}
