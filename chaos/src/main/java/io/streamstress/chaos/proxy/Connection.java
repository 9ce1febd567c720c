package io.streamstress.chaos.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted client and its own connection to the upstream: the two {@link Relay}s between them, the
 * lost-reply toxic once it picked this connection, and the reset. Used on the client's event loop only (the
 * upstream side is registered on the same loop), except {@link #eventLoop()}.
 */
final class Connection {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final ProxyContext context;
    private final Channel client;
    private final String label;
    private Channel upstream;
    private Relay toUpstream;
    private Relay toClient;
    private int sidesClosed;
    private ArmedReplyDrop drop;
    private Instant requestForwardedAt;
    private Instant replyDroppedAt;
    private long bytesDropped;

    private Connection(ProxyContext context, Channel client) {
        this.context = context;
        this.client = client;
        this.label = context.name() + " " + client.remoteAddress() + " -> " + context.upstream();
    }

    /**
     * Connects a just-accepted client (auto-read off) to the upstream; the client's bytes flow once that
     * connection is up. If it fails, the client is closed.
     */
    static Connection open(ProxyContext context, Channel client) {
        Connection connection = new Connection(context, client);
        // Registered first, the blackhole flag read after: a blackhole switched on meanwhile cannot miss it.
        context.connections().add(connection);
        context.counters().accepted.increment();
        connection.connect();
        return connection;
    }

    EventLoop eventLoop() {
        return client.eventLoop();
    }

    private void connect() {
        if (context.upstream() == null) {
            LOG.debug("{}: no upstream yet, closed", label);
            client.close();
            return;
        }
        ChannelFuture connecting = new Bootstrap()
                .group(client.eventLoop())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .handler(new ConnectionHandler(this, false))
                .connect(context.upstream());
        // Nothing is read on either side before the relays below start (auto-read is off until then).
        upstream = connecting.channel();
        Toxics toxics = context.toxics();
        boolean held = toxics.blackholed();
        toUpstream = new Relay(client, upstream, () -> 0, this::beforeRequestForwarded,
                context.counters().bytesToUpstream, held);
        toClient = new Relay(upstream, client, toxics::drawReplyDelayNanos, chunk -> {},
                context.counters().bytesToClients, held);
        client.pipeline().addLast(new ConnectionHandler(this, true));
        client.closeFuture().addListener(closed -> sideClosed(true));
        upstream.closeFuture().addListener(closed -> sideClosed(false));
        connecting.addListener(done -> {
            if (done.isSuccess()) {
                LOG.debug("proxy {}: connection opened", label);
                toUpstream.start();
                toClient.start();
            } else {
                LOG.debug("proxy {}: cannot connect upstream, closing the client: {}", label, done.cause().toString());
                client.close();
            }
        });
    }

    /** Holds (blackhole) or releases both directions. */
    void hold(boolean on) {
        toUpstream.hold(on);
        toClient.hold(on);
    }

    /** A chunk read from one side. */
    void read(boolean fromClient, ByteBuf chunk) {
        if (fromClient) {
            toUpstream.offer(chunk);
        } else if (drop != null && (replyDroppedAt != null || !drop.isOver())) {
            dropReply(chunk);
        } else {
            toClient.offer(chunk);
        }
    }

    /** One side's writability changed: the relay writing to it may let its source read again, or stop it. */
    void writabilityChanged(boolean clientSide) {
        (clientSide ? toClient : toUpstream).updateReading();
    }

    /**
     * Resets both sides with TCP RST (SO_LINGER 0, then close); what waits in the relays is dropped.
     *
     * @return whether anything was still open
     */
    boolean reset() {
        boolean open = client.isOpen() || upstream.isOpen();
        if (open) {
            LOG.debug("proxy {}: resetting the connection", label);
            context.counters().resets.increment();
            // Both lingers first: closing one side closes the other, which must then reset too.
            lingerZero(client);
            lingerZero(upstream);
            client.close();
            upstream.close();
        }
        return open;
    }

    private static void lingerZero(Channel channel) {
        if (channel.isOpen()) {
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
        }
    }

    private void beforeRequestForwarded(ByteBuf chunk) {
        if (drop == null) {
            drop = context.toxics().claim(chunk);
            if (drop != null) {
                requestForwardedAt = Instant.now();
                LOG.info("proxy {}: the matching request goes upstream, its reply will be lost", label);
            }
        }
    }

    private void dropReply(ByteBuf chunk) {
        bytesDropped += chunk.readableBytes();
        chunk.release();
        if (replyDroppedAt == null) {
            replyDroppedAt = Instant.now();
            toUpstream.stop();
            toClient.stop();
            // Replies read before this one (e.g. still delayed by latency) go on first, then the cut.
            toClient.offerThen(this::cutAfterLostReply);
        }
    }

    private void cutAfterLostReply() {
        reset();
        LostReply lost = new LostReply(String.valueOf(client.remoteAddress()), requestForwardedAt, replyDroppedAt,
                bytesDropped);
        LOG.info("proxy {}: dropped a reply of {} bytes and reset the connection", label, bytesDropped);
        drop.outcome().complete(lost);
    }

    private void sideClosed(boolean clientSide) {
        Channel other = clientSide ? upstream : client;
        (clientSide ? toClient : toUpstream).discard();
        (clientSide ? toUpstream : toClient).offerThen(other::close);
        if (++sidesClosed == 2) {
            context.connections().remove(this);
            LOG.debug("proxy {}: connection closed", label);
            if (drop != null && replyDroppedAt == null) {
                drop.outcome().completeExceptionally(new IllegalStateException("proxy " + label
                        + ": the connection closed before a reply to the matching request came back"));
            }
        }
    }
}
