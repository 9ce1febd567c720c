package io.streamstress.kafka.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.kafka.record.StressRecord;
import io.streamstress.kafka.record.StressRecordCodec;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class StressRecordDeserializerTest {

    private final StressRecordDeserializer deserializer = new StressRecordDeserializer();

    /** A {@link Collector} that keeps what it is given. */
    private static final class TestingCollector implements Collector<StressRecord> {
        final List<StressRecord> records = new ArrayList<>();

        @Override
        public void collect(StressRecord record) {
            records.add(record);
        }

        @Override
        public void close() {}
    }

    private List<StressRecord> read(int partition, byte[] value) {
        return read(partition, 0, value);
    }

    private List<StressRecord> read(int partition, long offset, byte[] value) {
        TestingCollector out = new TestingCollector();
        deserializer.deserialize(new ConsumerRecord<>("t", partition, offset, null, value), out);
        return out.records;
    }

    @Test
    void aLoadMessageComesBackAsItWasSent() {
        StressRecord sent = new StressRecord(3, 17, 63, 1_000, 900);

        assertThat(read(3, StressRecordCodec.encode(sent, 64))).as("decoded").containsExactly(sent);
    }

    @Test
    void malformedValuesBecomePoisonOfTheirPartitionInsteadOfFailingTheJob() {
        assertThat(read(2, 41, StressRecordCodec.poisonValue(1))).as("foreign bytes")
                .containsExactly(StressRecord.poison(2, 41));
        assertThat(read(1, 7, StressRecordCodec.encode(new StressRecord(3, 0, 3, 0, 0), 64))).as("wrong partition")
                .containsExactly(StressRecord.poison(1, 7));
        assertThat(StressRecord.poison(2, 41).isPoison()).isTrue();
        assertThat(StressRecord.poison(2, 41).poisonOffset()).as("the offset it was read at").isEqualTo(41);
        assertThat(new StressRecord(3, 17, 63, 1_000, 900).poisonOffset()).as("a load message").isEqualTo(-1);
    }
}
