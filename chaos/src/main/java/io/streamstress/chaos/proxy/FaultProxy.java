package io.streamstress.chaos.proxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process TCP proxy between clients and one upstream (Redis, a Kafka broker listener) that injects
 * faults on demand: {@link #blackhole()}, {@link #latency}, {@link #resetAll()} and
 * {@link #dropReplyToNext}. It listens on 127.0.0.1 only; each accepted connection gets its own connection to
 * the upstream and bytes flow both ways with backpressure. The switches may be called from any thread but the
 * proxy's own; each returns once every open connection applies it.
 */
public final class FaultProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);
    private static final long TOXIC_TIMEOUT_SECONDS = 10;

    private final ProxyContext context;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup relays;
    private final Channel server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private FaultProxy(ProxyContext context, EventLoopGroup acceptor, EventLoopGroup relays, Channel server) {
        this.context = context;
        this.acceptor = acceptor;
        this.relays = relays;
        this.server = server;
    }

    /** Starts a proxy to {@code upstream} on a free port of 127.0.0.1. */
    public static FaultProxy start(String name, InetSocketAddress upstream) {
        return start(name, upstream, 0);
    }

    /**
     * Starts a proxy on a free port of 127.0.0.1 that forwards nowhere yet: for a server that must be told the
     * proxy's address before it starts (a broker advertising a listener at it). Until {@link #forwardTo} names
     * the upstream, connections are accepted and closed.
     */
    public static FaultProxy startUnbound(String name) {
        return open(name, null, 0);
    }

    /** From now on, new connections go to {@code upstream}. */
    public void forwardTo(InetSocketAddress upstream) {
        context.target().set(Objects.requireNonNull(upstream, "upstream"));
        LOG.info("proxy {}: forwarding to {}", name(), upstream);
    }

    /**
     * Starts a proxy to {@code upstream} on 127.0.0.1:{@code listenPort}.
     *
     * @param name names the proxy in logs and thread names, e.g. {@code redis}
     * @param listenPort the port to listen on, 0 for a free one
     * @throws IllegalStateException if the port cannot be bound
     */
    public static FaultProxy start(String name, InetSocketAddress upstream, int listenPort) {
        return open(name, Objects.requireNonNull(upstream, "upstream: pass the address the proxy forwards to"),
                listenPort);
    }

    private static FaultProxy open(String name, InetSocketAddress upstream, int listenPort) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("proxy name is blank: pass what it stands before, e.g. \"redis\"");
        }
        if (listenPort < 0 || listenPort > 65_535) {
            throw new IllegalArgumentException("listen port " + listenPort + " is outside [0, 65535]: pass 0 for a"
                    + " free port");
        }
        ProxyContext context = new ProxyContext(name, new AtomicReference<>(upstream), new Toxics(), new Counters(),
                ConcurrentHashMap.newKeySet());
        EventLoopGroup acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("proxy-" + name + "-accept", true));
        EventLoopGroup relays = new NioEventLoopGroup(1, new DefaultThreadFactory("proxy-" + name + "-relay", true));
        InetSocketAddress listen = new InetSocketAddress(loopback(), listenPort);
        try {
            Channel server = new ServerBootstrap()
                    .group(acceptor, relays)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.AUTO_READ, false)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel client) {
                            Connection.open(context, client);
                        }
                    })
                    .bind(listen).sync().channel();
            LOG.info("proxy {}: listening on {}, forwarding to {}", name, server.localAddress(), upstream);
            return new FaultProxy(context, acceptor, relays, server);
        } catch (Exception e) {
            shutDown(acceptor, relays);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("proxy " + name + ": cannot listen on " + listen + " (" + e
                    + "): pass another port, or 0 for a free one", e);
        }
    }

    /** The proxy's name. */
    public String name() {
        return context.name();
    }

    /** The port it listens on, on 127.0.0.1. */
    public int port() {
        return address().getPort();
    }

    /** Where clients connect: 127.0.0.1 and {@link #port()}. */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    /** Where it forwards to. */
    public InetSocketAddress upstream() {
        return context.upstream();
    }

    /**
     * Blackhole on: traffic hangs both ways. Nothing is forwarded and no connection is closed (no FIN, no
     * RST); new connections are accepted but nothing flows on them either. What was read already is held,
     * in order, until {@link #restore()}.
     */
    public void blackhole() {
        switchBlackhole(true);
    }

    /** Blackhole off: everything held flows on, in order, and reading resumes. */
    public void restore() {
        switchBlackhole(false);
    }

    /** Whether the blackhole is on. */
    public boolean isBlackholed() {
        return context.toxics().blackholed();
    }

    /**
     * Delays each chunk of the upstream's replies read from now on by {@code mean} ± a uniform
     * {@code jitter}; a chunk never overtakes an earlier one of its connection.
     */
    public void latency(Duration mean, Duration jitter) {
        latency(new Latency(mean, jitter));
    }

    /** Delays the upstream's replies as {@link #latency(Duration, Duration)} does. */
    public void latency(Latency latency) {
        context.toxics().replyLatency(Objects.requireNonNull(latency, "latency: pass Latency.NONE for none"));
        LOG.info("proxy {}: reply latency {}", name(), latency.isNone() ? "off" : latency);
    }

    /** Replies read from now on are not delayed (those already delayed still wait their turn). */
    public void noLatency() {
        latency(Latency.NONE);
    }

    /** The reply latency now. */
    public Latency currentLatency() {
        return context.toxics().replyLatency();
    }

    /**
     * Resets every open connection once, on both sides, with TCP RST (SO_LINGER 0, then close). Connections
     * made afterwards work normally.
     *
     * @return how many connections it reset
     */
    public int resetAll() {
        int reset = onEachConnection(connection -> connection.reset() ? 1 : 0).stream()
                .mapToInt(Integer::intValue).sum();
        LOG.info("proxy {}: reset {} connections", name(), reset);
        return reset;
    }

    /**
     * Arms a one-shot toxic: the next chunk a client sends that matches {@code request} goes to the upstream as
     * usual, but the bytes the upstream sends back on that connection after it (the reply, and any later one
     * of a pipeline) never reach the client; that connection is then reset on both sides. The predicate runs
     * on the proxy's thread and sees a read-only view of each chunk; {@link RequestMatchers} has ready ones.
     *
     * @return completes once the reply is dropped and the connection reset; exceptionally if that connection
     *     closes first, the predicate throws or the proxy closes. Cancelling it disarms the toxic.
     * @throws IllegalStateException if one is armed already
     */
    public CompletableFuture<LostReply> dropReplyToNext(Predicate<ByteBuf> request) {
        Objects.requireNonNull(request, "request: pass which request's reply to lose, e.g."
                + " RequestMatchers.containing(\"EVALSHA\")");
        ArmedReplyDrop drop = new ArmedReplyDrop(request);
        if (!context.toxics().arm(drop)) {
            throw new IllegalStateException("proxy " + name() + ": a lost reply is armed already: wait for its"
                    + " future, or cancel it, before arming another");
        }
        LOG.info("proxy {}: the reply to the next matching request will be lost", name());
        return drop.outcome();
    }

    /** The counters since start. */
    public ProxyStats stats() {
        return context.counters().snapshot(context.connections().size());
    }

    /** Stops listening, closes every connection and the proxy's threads; a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        context.toxics().disarm(new IllegalStateException("proxy " + name() + " closed"));
        server.close().syncUninterruptibly();
        shutDown(acceptor, relays);
        LOG.info("proxy {}: closed, {}", name(), stats().describe());
    }

    @Override
    public String toString() {
        return "FaultProxy[" + name() + " " + server.localAddress() + " -> " + upstream() + "]";
    }

    private void switchBlackhole(boolean on) {
        // The flag first: a connection opened meanwhile reads it after registering itself.
        context.toxics().blackholed(on);
        int connections = onEachConnection(connection -> {
            connection.hold(on);
            return 1;
        }).size();
        LOG.info("proxy {}: blackhole {} ({} connections)", name(), on ? "on" : "off", connections);
    }

    /** Runs the action on each open connection's event loop and waits for all. */
    private <T> List<T> onEachConnection(Function<Connection, T> action) {
        List<Future<T>> pending = new ArrayList<>();
        for (Connection connection : context.connections()) {
            pending.add(connection.eventLoop().submit(() -> action.apply(connection)));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : pending) {
            if (!future.awaitUninterruptibly(TOXIC_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("proxy " + name() + ": a connection did not apply the toxic within "
                        + TOXIC_TIMEOUT_SECONDS + " s: is the proxy's thread blocked?");
            }
            if (!future.isSuccess()) {
                throw new IllegalStateException("proxy " + name() + ": a connection failed to apply the toxic",
                        future.cause());
            }
            results.add(future.getNow());
        }
        return results;
    }

    private static void shutDown(EventLoopGroup... groups) {
        for (EventLoopGroup group : groups) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
        for (EventLoopGroup group : groups) {
            group.terminationFuture().syncUninterruptibly();
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("cannot make the address 127.0.0.1", e);
        }
    }
}
