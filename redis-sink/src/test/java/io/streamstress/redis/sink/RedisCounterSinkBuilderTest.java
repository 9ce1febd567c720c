package io.streamstress.redis.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedisCounterSinkBuilderTest {

    /** Records as {@code {partition, sequence}}. */
    static final class ArrayPosition implements RecordPosition<long[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public int partitionOf(long[] record) {
            return (int) record[0];
        }

        @Override
        public long sequenceOf(long[] record) {
            return record[1];
        }
    }

    private static RedisCounterSinkBuilder<long[]> complete() {
        return RedisCounterSink.<long[]>builder()
                .setRedisUri("redis://127.0.0.1:6379")
                .setKeyPrefix("test:builder")
                .setRecordPosition(new ArrayPosition());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "EXACTLY_ONCE,  RedisCounterSink",
        "AT_LEAST_ONCE, AtLeastOnceRedisSink",
        "AT_MOST_ONCE,  AtMostOnceRedisSink",
    })
    void eachDeliveryBuildsItsOwnSink(CounterDelivery delivery, String sinkClass) {
        // When
        Sink<long[]> sink = complete().setDelivery(delivery).build();

        // Then
        assertThat(sink.getClass().getSimpleName()).as("sink for %s", delivery).isEqualTo(sinkClass);
    }

    @Test
    void exactlyOnceIsTheDefault() {
        assertThat(complete().build()).as("sink without a delivery set").isInstanceOf(RedisCounterSink.class);
    }

    @Test
    void flinksGuaranteesBuildTheSameSinks() {
        assertThat(complete().setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).build()).as("EXACTLY_ONCE")
                .isInstanceOf(RedisCounterSink.class);
        assertThat(complete().setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE).build()).as("AT_LEAST_ONCE")
                .isInstanceOf(AtLeastOnceRedisSink.class);
    }

    @Test
    void flinksNoneIsRefusedNamingTheLossControl() {
        // Given Flink's NONE ("may lose or duplicate"), which no sink here offers
        RedisCounterSinkBuilder<long[]> builder = complete().setDeliveryGuarantee(DeliveryGuarantee.NONE);

        // Then build() refuses it and points at the sink that loses but never duplicates
        assertThatThrownBy(builder::build).as("build with NONE").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NONE").hasMessageContaining("CounterDelivery.AT_MOST_ONCE");
    }

    @Test
    void aMissingRecordPositionIsNamed() {
        RedisCounterSinkBuilder<long[]> builder = RedisCounterSink.<long[]>builder()
                .setRedisUri("redis://127.0.0.1:6379").setKeyPrefix("test:builder");

        assertThatThrownBy(builder::build).as("build without a position").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("setRecordPosition");
    }
}
