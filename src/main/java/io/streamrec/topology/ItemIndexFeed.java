package io.streamrec.topology;

import io.streamrec.avro.ItemVector;
import io.streamrec.stores.StoreNames;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Applies each published item (or tombstone) to this instance's item index. */
final class ItemIndexFeed implements Processor<String, ItemVector, Void, Void> {
    private ItemIndexStore store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(StoreNames.ITEM_INDEX);
    }

    @Override
    public void process(Record<String, ItemVector> record) {
        store.apply(record.key(), record.value());
    }
}
