package io.streamstress.kafka.source;

import io.streamstress.kafka.record.StressRecord;
import io.streamstress.kafka.record.StressRecordCodec;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Turns Kafka values back into {@link StressRecord}s; the partition is the one Kafka read it from. */
public final class StressRecordDeserializer implements KafkaRecordDeserializationSchema<StressRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<StressRecord> out) throws IOException {
        StressRecord decoded = StressRecordCodec.decode(record.value());
        if (decoded.partition() != record.partition()) {
            throw new IOException("record " + decoded.messageId() + " says partition " + decoded.partition()
                    + " but was read from partition " + record.partition());
        }
        out.collect(decoded);
    }

    @Override
    public TypeInformation<StressRecord> getProducedType() {
        return TypeInformation.of(StressRecord.class);
    }
}
