package io.streamrec.topology;

import java.nio.ByteBuffer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Where an event sat in `interactions`. A re-keyed event carries it in two headers (int, long;
 * big-endian) through the internal topic, so the user's list reports that position rather
 * than one in an internal topic: clients wait for the offset their producer got back.
 */
record EventOrigin(int partition, long offset) {
    static final String PARTITION_HEADER = "streamrec.origin.partition";
    static final String OFFSET_HEADER = "streamrec.origin.offset";

    /** A copy of {@code original} stamped with the position of the record being processed. */
    static Headers stamp(Headers original, RecordMetadata position) {
        Headers headers = new RecordHeaders(original.toArray());
        headers.remove(PARTITION_HEADER).remove(OFFSET_HEADER);
        headers.add(PARTITION_HEADER, ByteBuffer.allocate(Integer.BYTES).putInt(position.partition()).array());
        headers.add(OFFSET_HEADER, ByteBuffer.allocate(Long.BYTES).putLong(position.offset()).array());
        return headers;
    }

    /** The stamped origin of a re-keyed record, else the record's own position. */
    static EventOrigin of(RecordMetadata position, Headers headers, String rekeyedTopic) {
        if (position.topic().equals(rekeyedTopic)) {
            Header partition = headers.lastHeader(PARTITION_HEADER);
            Header offset = headers.lastHeader(OFFSET_HEADER);
            if (partition != null && offset != null) {
                return new EventOrigin(ByteBuffer.wrap(partition.value()).getInt(), ByteBuffer.wrap(offset.value()).getLong());
            }
        }
        return new EventOrigin(position.partition(), position.offset());
    }
}
