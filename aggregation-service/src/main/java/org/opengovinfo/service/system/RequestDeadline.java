package org.opengovinfo.service.system;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.LastHttpContent;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request (headers and body) has not arrived in full within {@code REQUEST_READ_TIMEOUT}
 * of its first byte, answering 408 {@code request.timeout}. The idle timeout alone does not do it: a client that
 * sends one byte every few seconds is never idle, and a few hundred of them would hold every connection.
 */
@Singleton
class RequestDeadline implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private final Duration timeout;

    RequestDeadline(@Value("${reports.request-read-timeout:60s}") Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new NettyServerCustomizer() {
            @Override
            public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
                return role == ChannelRole.CONNECTION ? new Connection(channel, timeout) : this;
            }
        });
        return event.getBean();
    }

    /** One connection: armed by a request's first bytes, disarmed when the codec has read the request's end. */
    private static final class Connection implements NettyServerCustomizer {

        private final Channel channel;
        private final Duration timeout;
        private ScheduledFuture<?> deadline;

        Connection(Channel channel, Duration timeout) {
            this.channel = channel;
            this.timeout = timeout;
        }

        @Override
        public void onInitialPipelineBuilt() {
            var pipeline = channel.pipeline();
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) == null) {
                return;
            }
            pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, "ogi-request-deadline-arm",
                    new ChannelDuplexHandler() {
                        @Override
                        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
                            if (deadline == null && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                                deadline = ctx.executor().schedule(() -> expire(ctx), timeout.toMillis(),
                                        TimeUnit.MILLISECONDS);
                            }
                            super.channelRead(ctx, msg);
                        }

                        @Override
                        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
                            disarm();
                            super.channelInactive(ctx);
                        }
                    });
            pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, "ogi-request-deadline-disarm",
                    new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
                            if (msg instanceof LastHttpContent) {
                                disarm();
                            }
                            super.channelRead(ctx, msg);
                        }
                    });
        }

        private void disarm() {
            if (deadline != null) {
                deadline.cancel(false);
                deadline = null;
            }
        }

        /** Writes the 408 as bytes, below the HTTP codec (which is mid-request), and closes the connection. */
        private void expire(ChannelHandlerContext ctx) {
            deadline = null;
            if (!ctx.channel().isActive()) {
                return;
            }
            byte[] json = Json.write(ErrorCode.REQUEST_TIMEOUT.problem(timeout.toSeconds()).toProblem())
                    .getBytes(StandardCharsets.UTF_8);
            String head = "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/problem+json\r\n"
                    + "X-Content-Type-Options: nosniff\r\nConnection: close\r\nContent-Length: " + json.length + "\r\n\r\n";
            ctx.writeAndFlush(Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII), json))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }
}
