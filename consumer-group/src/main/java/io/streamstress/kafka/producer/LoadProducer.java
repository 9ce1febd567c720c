package io.streamstress.kafka.producer;

import io.streamstress.kafka.record.StressRecord;
import io.streamstress.kafka.record.StressRecordCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces the plan's messages with an idempotent producer ({@code acks=all}), partition by partition in
 * round robin, and counts what the broker acknowledges. A send that fails after the client's own retries
 * stops the run with {@link ProduceException}: the counts then say exactly what was acknowledged.
 */
public final class LoadProducer {

    /** How often (in messages) the producer asks its {@link ProduceGate}. */
    public static final int GATE_STEP = 1_000;

    private final ProducerSettings settings;
    private final AtomicLongArray acked;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private volatile boolean stopped;
    /** Raised past a message's id before it is handed to the client: see {@link #unsentFrom()}. */
    private final AtomicLong unsentFrom = new AtomicLong();

    private final long[] alreadyWritten;
    private final List<PoisonInjection> poison = new ArrayList<>();
    private final AtomicLongArray poisonAcked;
    private volatile PoisonListener poisonListener = (injection, atMillis) -> { };
    private volatile ProduceGate gate = ProduceGate.OPEN;
    private volatile SendObserver sendObserver = (partition, sequence, producedAtMicros, intendedAtMicros) -> { };
    private volatile int observeEvery = Integer.MAX_VALUE;
    private volatile SendSchedule schedule;

    /** Told about one message in {@code every} as it is handed to the client (for commit latency). */
    @FunctionalInterface
    public interface SendObserver {
        void sent(int partition, long sequence, long producedAtMicros, long intendedAtMicros);
    }

    /** Told when the broker acknowledged all records of a poison injection. */
    public interface PoisonListener {
        void written(PoisonInjection injection, long atMillis);
    }

    public LoadProducer(ProducerSettings settings) {
        this(settings, new long[settings.plan().partitions()]);
    }

    /**
     * A producer that continues a plan: partition {@code p} already holds sequences {@code [0,
     * alreadyWritten[p])} (its end offset after a crash: the log holds a prefix of what was sent, in order), so
     * only the rest is sent. The counts it reports include what was already written.
     */
    public LoadProducer(ProducerSettings settings, long[] alreadyWritten) {
        if (alreadyWritten.length != settings.plan().partitions()) {
            throw new IllegalArgumentException("need one already-written count per partition");
        }
        this.settings = settings;
        this.alreadyWritten = alreadyWritten.clone();
        this.acked = new AtomicLongArray(alreadyWritten);
        this.poisonAcked = new AtomicLongArray(alreadyWritten.length);
    }

    /**
     * A message id from which on nothing had been handed to the Kafka client yet when this was read: a message at
     * or above it is sent after the read (those below it may or may not be sent yet). Ids count from 0 in the
     * order the plan sends them ({@link PartitionPlan#partitionOf}).
     */
    public long unsentFrom() {
        return unsentFrom.getAcquire();
    }

    /** Messages acknowledged so far (progress display). */
    public long acked() {
        long sum = 0;
        for (int p = 0; p < acked.length(); p++) {
            sum += acked.get(p);
        }
        return sum;
    }

    /** Writes these malformed records too (before {@link #run()}); sorted by their message id. */
    public LoadProducer withPoison(List<PoisonInjection> injections, PoisonListener listener) {
        for (PoisonInjection injection : injections) {
            if (injection.partition() >= settings.plan().partitions()) {
                throw new IllegalArgumentException("poison for partition " + injection.partition() + " of "
                        + settings.plan().partitions());
            }
        }
        poison.addAll(injections);
        poison.sort(Comparator.comparingLong(PoisonInjection::beforeMessageId));
        poisonListener = listener;
        return this;
    }

    /** Holds the producer where {@code gate} says (before {@link #run()}). */
    public LoadProducer withGate(ProduceGate newGate) {
        this.gate = newGate;
        return this;
    }

    /** Tells {@code observer} about every {@code every}-th message sent (before {@link #run()}). */
    public LoadProducer withSendObserver(int every, SendObserver observer) {
        if (every < 1) {
            throw new IllegalArgumentException("observe every n-th message needs n >= 1, was " + every);
        }
        this.observeEvery = every;
        this.sendObserver = observer;
        return this;
    }

    /**
     * How far behind its schedule ({@code --rate}, traffic pattern) the producer was at its last pacing step,
     * in ms; 0 when it keeps up or has no schedule.
     */
    public long behindScheduleMillis() {
        SendSchedule current = schedule;
        return current == null ? 0 : TimeUnit.NANOSECONDS.toMillis(current.behindNanos());
    }

    /** Makes {@link #run()} stop sending (it then throws {@link InterruptedException}); safe from any thread. */
    public void stop() {
        stopped = true;
    }

    /** Produces every message of the plan and waits for all acknowledgements. */
    public ProduceResult run() throws ProduceException, InterruptedException {
        PartitionPlan plan = settings.plan();
        long started = System.nanoTime();
        long startedMicros = System.currentTimeMillis() * 1_000L;
        SendSchedule pacing = new SendSchedule(settings.trafficPattern(), settings.ratePerSecond(), started);
        schedule = pacing;
        boolean paced = pacing.paced();
        int step = pacing.step();
        SendObserver observer = sendObserver;
        int every = observeEvery;
        int nextPoison = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties())) {
            for (long id = 0; id < plan.messages(); id++) {
                while (nextPoison < poison.size() && poison.get(nextPoison).beforeMessageId() <= id) {
                    sendPoison(producer, poison.get(nextPoison++));
                }
                if (id % GATE_STEP == 0) {
                    if (stopped) {
                        throw new InterruptedException("producer stopped after " + id + " messages");
                    }
                    throwIfFailed();
                    long held = System.nanoTime();
                    gate.awaitPassage(id);
                    pacing.shift(System.nanoTime() - held);
                }
                if (paced && id % step == 0) {
                    pace(pacing);
                }
                long dueNanos = paced ? pacing.dueAndAdvance() : 0;
                int partition = plan.partitionOf(id);
                long sequence = plan.sequenceOf(id);
                if (sequence < alreadyWritten[partition]) {
                    continue;
                }
                long producedAt = nowMicros();
                long intendedAt = paced && pacing.limited()
                        ? Math.min(producedAt, startedMicros + (dueNanos - started) / 1_000L)
                        : producedAt;
                if (id % every == 0) {
                    observer.sent(partition, sequence, producedAt, intendedAt);
                }
                unsentFrom.setRelease(id + 1);
                StressRecord record = new StressRecord(partition, sequence, id, producedAt, intendedAt);
                byte[] value = StressRecordCodec.encode(record, settings.recordSize());
                producer.send(new ProducerRecord<>(settings.topic(), partition, null, value), (metadata, e) -> {
                    if (e == null) {
                        acked.incrementAndGet(partition);
                    } else {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            throw new InterruptedException("producer interrupted");
        }
        throwIfFailed();
        long[] perPartition = new long[acked.length()];
        long[] poisonPerPartition = new long[acked.length()];
        for (int p = 0; p < perPartition.length; p++) {
            perPartition[p] = acked.get(p);
            poisonPerPartition[p] = poisonAcked.get(p);
        }
        return new ProduceResult(perPartition, poisonPerPartition, Duration.ofNanos(System.nanoTime() - started));
    }

    private void sendPoison(KafkaProducer<byte[], byte[]> producer, PoisonInjection injection) {
        AtomicInteger pending = new AtomicInteger(injection.count());
        for (int i = 0; i < injection.count(); i++) {
            producer.send(new ProducerRecord<>(settings.topic(), injection.partition(), null,
                    StressRecordCodec.poisonValue(i)), (metadata, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                    return;
                }
                poisonAcked.incrementAndGet(injection.partition());
                if (pending.decrementAndGet() == 0) {
                    poisonListener.written(injection, System.currentTimeMillis());
                }
            });
        }
    }

    private void throwIfFailed() throws ProduceException {
        Exception e = failure.get();
        if (e != null) {
            throw new ProduceException("producing to " + settings.topic() + " failed after " + acked()
                    + " acknowledged records: " + e.getMessage(), e);
        }
    }

    private static void pace(SendSchedule pacing) throws InterruptedException {
        long wait = pacing.stepWaitNanos(System.nanoTime());
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("producer interrupted");
        }
    }

    private static long nowMicros() {
        return System.currentTimeMillis() * 1_000L;
    }

    private Properties producerProperties() {
        return producerProperties(settings);
    }

    /**
     * The producer configuration a load producer with {@code settings} uses: idempotent, {@code acks=all},
     * batching and compression from the settings, the user's client properties (SASL, TLS) on top. Public so that a peer (Kafka's ProducerPerformance in the
     * benchmark) can be given exactly the same.
     */
    public static Properties producerProperties(ProducerSettings settings) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "streamstress-load-producer");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, settings.lingerMs());
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, settings.batchBytes());
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, settings.compression());
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return settings.client().applyTo(props);
    }
}
