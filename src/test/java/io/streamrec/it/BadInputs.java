package io.streamrec.it;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import io.streamrec.avro.Item;
import io.streamrec.events.AvroSerdes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;

/**
 * Seeded generator of what producers get wrong: each record on `interactions` with the words
 * its dead letter's reason must contain, and JSON bodies POST /v1/events must refuse.
 */
final class BadInputs {
    record Record(String key, byte[] value, String reason) {}

    private static final String MALFORMED = "malformed Avro Interaction";
    private static final String OTHER_SCHEMA = "Cannot resolve schema for fingerprint";
    /** Interaction as a newer producer might write it: one more field, hence another fingerprint. */
    private static final Schema NEWER_INTERACTION = new Schema.Parser().parse(newerSchema());

    private final Random random;

    BadInputs(Random random) {
        this.random = random;
    }

    Record next() {
        long now = System.currentTimeMillis();
        String user = "fuzz-bad-" + random.nextInt(50);
        return switch (random.nextInt(15)) {
            case 0 -> new Record(user, bytes(random.nextInt(200)), MALFORMED);
            case 1 -> new Record(user, concat(new byte[] {(byte) 0xC3, 0x01}, bytes(random.nextInt(60))), MALFORMED);
            case 2 -> {
                byte[] valid = AvroSerdes.INTERACTION.encode(event(user, "i1", EventType.CLICK, null, now));
                yield new Record(user, Arrays.copyOf(valid, random.nextInt(valid.length)), MALFORMED);
            }
            case 3 -> new Record(user, newerVersion(user, now), OTHER_SCHEMA);
            case 4 -> new Record(user, AvroSerdes.ITEM.encode(Item.newBuilder().setId("i1").setTitle("t").build()),
                    OTHER_SCHEMA);
            case 5 -> {
                String huge = "u".repeat(257 + random.nextInt(20_000));
                yield new Record(huge, AvroSerdes.INTERACTION.encode(event(huge, "i1", EventType.VIEW, null, now)),
                        "user id is " + huge.length() + " characters, longer than 256");
            }
            case 6 -> {
                String huge = "i".repeat(257 + random.nextInt(20_000));
                yield new Record(user, AvroSerdes.INTERACTION.encode(event(user, huge, EventType.VIEW, null, now)),
                        "item id is " + huge.length() + " characters, longer than 256");
            }
            case 7 -> {
                double value = List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)
                        .get(random.nextInt(3));
                yield new Record(user, AvroSerdes.INTERACTION.encode(event(user, "i1", EventType.RATING, value, now)),
                        "value is not finite");
            }
            case 8 -> new Record(user, AvroSerdes.INTERACTION.encode(event(user, "i1", EventType.VIEW, null,
                    now + 2L * 86_400_000 + (long) (random.nextDouble() * 1e12))), "in the future");
            case 9 -> new Record(user, AvroSerdes.INTERACTION.encode(event(user, "i1", EventType.VIEW, null,
                    now / 1000 - random.nextInt(1_000_000))), "seconds sent as milliseconds");
            case 10 -> new Record(user, AvroSerdes.INTERACTION.encode(event(user, "i1", EventType.UNKNOWN, null, now)),
                    "unknown event type");
            case 11 -> random.nextBoolean()
                    ? new Record("", AvroSerdes.INTERACTION.encode(event("", "i1", EventType.VIEW, null, now)),
                            "user id is empty")
                    : new Record(user, AvroSerdes.INTERACTION.encode(event(user, " ", EventType.VIEW, null, now)),
                            "item id is empty");
            case 12 -> new Record(user, AvroSerdes.INTERACTION.encode(event(user, "i\u0007" + random.nextInt(9),
                    EventType.VIEW, null, now)), "item id contains a control character");
            case 13 -> new Record(null, null, "tombstone without a user id key");
            default -> new Record(user, enumOutOfRange(user, now), MALFORMED);
        };
    }

    /** A body POST /v1/events must answer 400 to. */
    String json() {
        String user = "fuzz-bad-" + random.nextInt(50);
        String valid = "{\"user\":\"" + user + "\",\"item\":\"i1\",\"type\":\"CLICK\"}";
        return switch (random.nextInt(16)) {
            case 0 -> new String(bytes(random.nextInt(100)), StandardCharsets.ISO_8859_1);
            case 1 -> valid.substring(0, random.nextInt(valid.length()));
            // A batch is refused whole when one of its events is bad.
            case 2 -> List.of("[]", "null", "42", "\"text\"", "{}", "", "true", "[" + valid + ",[" + valid + "]]")
                    .get(random.nextInt(8));
            case 3 -> "{\"item\":\"i1\",\"type\":\"CLICK\"}";
            case 4 -> "{\"user\":" + random.nextInt() + ",\"item\":\"i1\",\"type\":\"CLICK\"}";
            case 5 -> "{\"user\":\"" + user + "\",\"item\":{\"id\":1},\"type\":\"CLICK\"}";
            case 6 -> "{\"user\":\"" + user + "\",\"item\":\"i1\",\"type\":\"TYPE" + random.nextInt(1000) + "\"}";
            case 7 -> "{\"user\":\"" + user + "\",\"item\":\"i1\",\"type\":\"UNKNOWN\"}";
            case 8 -> "{\"user\":\"" + user + "\",\"item\":\"i1\",\"type\":\"RATING\",\"value\":\"five\"}";
            case 9 -> "{\"user\":\"" + user + "\",\"item\":\"i1\",\"type\":\"RATING\",\"value\":1e400}";
            case 10 -> "{\"user\":\"" + user + "\",\"item\":\"i1\",\"type\":\"RATING\",\"value\":NaN}";
            case 11 -> "{\"user\":\"" + user + "\",\"item\":\"i1\",\"type\":\"VIEW\",\"timestamp\":"
                    + (System.currentTimeMillis() + 3L * 86_400_000 + random.nextInt(1_000_000)) + "}";
            case 12 -> "{\"user\":\"" + user + "\",\"item\":\"i1\",\"type\":\"VIEW\",\"timestamp\":\""
                    + List.of("yesterday", "2026-13-45T00:00:00Z", "", "9999-01-01T00:00:00Z").get(random.nextInt(4))
                    + "\"}";
            case 13 -> "{\"user\":\"" + "u".repeat(257 + random.nextInt(20_000)) + "\",\"item\":\"i1\",\"type\":\"VIEW\"}";
            case 14 -> "{\"user\":\"\\u0001" + user + "\",\"item\":\"i1\",\"type\":\"VIEW\"}";
            default -> "{\"user\":\"\",\"item\":\"i1\",\"type\":\"VIEW\",\"timestamp\":" + (System.currentTimeMillis() / 1000)
                    + "}";
        };
    }

    private static Interaction event(String user, String item, EventType type, Double value, long time) {
        return Interaction.newBuilder().setUser(user).setItem(item).setType(type).setValue(value)
                .setTimestamp(Instant.ofEpochMilli(time)).build();
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        if (length >= 2 && bytes[0] == (byte) 0xC3 && bytes[1] == 0x01) {
            bytes[0] = 0;
        }
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The marker and fingerprint of Interaction, but an event type index no schema has. */
    private static byte[] enumOutOfRange(String user, long now) {
        byte[] bytes = AvroSerdes.INTERACTION.encode(event(user, "i1", EventType.VIEW, null, now));
        // 2-byte marker, 8-byte fingerprint, user and item (1-byte zigzag length each here), then the enum index.
        int typeAt = 10 + 1 + user.length() + 1 + 2;
        bytes[typeAt] = 100; // zigzag 50: far past the 8 symbols
        return bytes;
    }

    private static byte[] newerVersion(String user, long now) {
        GenericRecord record = new GenericData.Record(NEWER_INTERACTION);
        record.put("user", user);
        record.put("item", "i1");
        record.put("type", new GenericData.EnumSymbol(NEWER_INTERACTION.getField("type").schema(), "CLICK"));
        record.put("value", null);
        record.put("timestamp", now);
        record.put("session", null);
        record.put("channel", "app");
        try {
            ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), NEWER_INTERACTION)
                    .encode(record);
            return Arrays.copyOfRange(buffer.array(), buffer.arrayOffset() + buffer.position(),
                    buffer.arrayOffset() + buffer.limit());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String newerSchema() {
        String current = Interaction.getClassSchema().toString();
        int end = current.lastIndexOf("]}");
        return current.substring(0, end) + ",{\"name\":\"channel\",\"type\":\"string\",\"default\":\"web\"}]}";
    }
}
