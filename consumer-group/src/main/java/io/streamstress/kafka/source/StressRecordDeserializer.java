package io.streamstress.kafka.source;

import io.streamstress.kafka.record.StressRecord;
import io.streamstress.kafka.record.MalformedRecordException;
import io.streamstress.kafka.record.StressRecordCodec;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns Kafka values back into {@link StressRecord}s. A value that is not a load message, or claims another
 * partition than the one it was read from, is poison: it becomes {@link StressRecord#poison}, so that the
 * sink sets it aside and counts it, and the job never fails on bad input.
 */
public final class StressRecordDeserializer implements KafkaRecordDeserializationSchema<StressRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<StressRecord> out) {
        StressRecord decoded;
        try {
            decoded = StressRecordCodec.decode(record.value());
        } catch (MalformedRecordException e) {
            out.collect(StressRecord.poison(record.partition(), record.offset()));
            return;
        }
        out.collect(decoded.partition() == record.partition()
                ? decoded
                : StressRecord.poison(record.partition(), record.offset()));
    }

    @Override
    public TypeInformation<StressRecord> getProducedType() {
        return TypeInformation.of(StressRecord.class);
    }
}
