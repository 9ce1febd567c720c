package io.streamstress.chaos.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Netty handler of one side (client or upstream) of a {@link Connection}: hands it what happens there. */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

    private final Connection connection;
    private final boolean clientSide;

    ConnectionHandler(Connection connection, boolean clientSide) {
        this.connection = connection;
        this.clientSide = clientSide;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf chunk) {
            connection.read(clientSide, chunk);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        connection.writabilityChanged(clientSide);
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("{} side {}: {}, closing it", clientSide ? "client" : "upstream", ctx.channel(), cause.toString());
        ctx.close();
    }
}
