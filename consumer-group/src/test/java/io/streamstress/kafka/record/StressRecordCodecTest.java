package io.streamstress.kafka.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StressRecordCodecTest {

    @Test
    void roundTripsAtTheRequestedSize() {
        StressRecord record = new StressRecord(19, 499_999, 9_999_999, 1_700_000_000_000_000L, 1_699_999_999_999_000L);

        byte[] value = StressRecordCodec.encode(record, 100);

        assertThat(value).as("value").hasSize(100);
        assertThat(StressRecordCodec.decode(value)).as("decoded").isEqualTo(record);
    }

    @Test
    void fillsTheRestWithFreshRandomLettersSoThatCompressionCannotShrinkTheLoad() {
        StressRecord record = new StressRecord(0, 1, 1, 0, 0);

        byte[] first = StressRecordCodec.encode(record, 100);
        byte[] second = StressRecordCodec.encode(record, 100);

        byte[] filler = Arrays.copyOfRange(first, StressRecordCodec.HEADER_BYTES, 100);
        assertThat(new String(filler, StandardCharsets.US_ASCII)).as("filler").matches("[A-Z]{62}");
        assertThat(Arrays.copyOfRange(second, StressRecordCodec.HEADER_BYTES, 100)).as("a fresh filler per record")
                .isNotEqualTo(filler);
        assertThat(new String(filler, StandardCharsets.US_ASCII).chars().distinct().count())
                .as("distinct letters in the filler (not a repeated pattern)").isGreaterThan(10);
    }

    @Test
    void refusesASizeThatCannotCarryTheFields() {
        assertThatThrownBy(() -> StressRecordCodec.encode(new StressRecord(0, 0, 0, 0, 0), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least " + StressRecordCodec.HEADER_BYTES);
    }

    @Test
    void recognisesForeignValues() {
        assertThatThrownBy(() -> StressRecordCodec.decode("not a stress record at all, not even close".getBytes()))
                .as("wrong magic").isInstanceOf(MalformedRecordException.class).hasMessageContaining("magic");
        assertThatThrownBy(() -> StressRecordCodec.decode(new byte[3]))
                .as("too short").isInstanceOf(MalformedRecordException.class).hasMessageContaining("shorter");
    }
}
