import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOSSL
import RegistrarModel
import RegistrarInput
import RegistrarRender

/// What one connection to `registrar serve` may send, and how long it may take: a request that breaks
/// a limit is answered with a short page and the connection closed, never left open.
///
/// Why: a connection that never finished its request was held open for ever. curl 7.88, for one,
/// drops its cookies from a request whose address is over 8 KB and sends a header block that never
/// ends, so the page it asked for simply never came. And a request too long or malformed for the
/// parser got an empty `400` with nothing to say what was wrong.
public struct ConnectionLimits: Sendable {
    /// The request line's address, or any one header (bytes).
    public var maxLineBytes = 8 * 1024
    /// The request line and all headers together (bytes).
    public var maxHeaderBytes = 32 * 1024
    public var maxHeaderCount = 100
    /// How long a request's head may take to arrive, and how long a request's body, or a connection
    /// between requests, may go without sending anything.
    public var requestSeconds: Int64 = 30

    public init() {}

    /// The HTTP/1.1 server, over TLS when `tls` is given, with these limits on every connection.
    public func serverBuilder(tls: TLSConfiguration?) throws -> HTTPServerBuilder {
        let limits = self
        let http = HTTPServerBuilder.http1(configuration: .init(
            additionalChannelHandlers: [RequestLimitHandler(limits: limits)],
            httpDecoderConfiguration: .init(maxHeaderFieldSize: maxLineBytes, maxHeaderListSize: maxHeaderBytes,
                                            maxHeaderFieldCount: maxHeaderCount)))
        guard let tls else { return http }
        return try HTTPServerBuilder.tls(http, tlsConfiguration: tls)
    }

    /// The page for a request that broke a limit. The request's headers were not read, so its
    /// language is unknown: the page says it in English and in Chinese.
    static func page(_ status: HTTPResponse.Status, _ text: Text) -> ByteBuffer {
        let title = Text(en: "The request was not read", zh: "请求未被处理")
        return ByteBuffer(string: """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(status.code) \(title.en) · \(title.zh)</title></head>
            <body><main><h1>\(title.en)</h1><p>\(HTMLEscape.escape(text.en))</p>
            <h1 lang="zh">\(title.zh)</h1><p lang="zh">\(HTMLEscape.escape(text.zh))</p></main></body></html>

            """)
    }

    func tooLong() -> Text {
        Text(en: "The request's address or headers are too long (over \(maxLineBytes / 1024) KB a line, or \(maxHeaderBytes / 1024) KB in all), so nothing was done. Use the forms and links on registrar's pages; shorten a search that long.",
             zh: "请求的地址或请求头过长（单行超过 \(maxLineBytes / 1024) KB，或合计超过 \(maxHeaderBytes / 1024) KB），未作任何处理。请使用 registrar 页面上的表单和链接；过长的搜索内容请缩短。")
    }

    static let malformed = Text(
        en: "This is not an HTTP request registrar can read, so nothing was done. Open the address in a web browser.",
        zh: "这不是 registrar 能识别的 HTTP 请求，未作任何处理。请在浏览器中打开该地址。")

    func timedOut() -> Text {
        Text(en: "The request did not arrive in full within \(requestSeconds) seconds, so nothing was done and the connection is closed. Send it again.",
             zh: "请求未在 \(requestSeconds) 秒内完整送达，未作任何处理，连接已关闭。请重新发送。")
    }
}

/// Sits after the HTTP parser on every connection: a request head the parser refuses (too long,
/// malformed) gets a `400` page; a request begun that sends nothing more for `requestSeconds` gets a
/// `408` page; either way the connection is then closed, as is one idle that long between requests.
///
/// A parse error once a request's head has gone on to the routes is left to Hummingbird, as before
/// (the route reading the body sees it). Closing writes the page, shuts the sending side, and reads
/// and drops what the client still sends for a moment, so it sees the page rather than a reset.
final class RequestLimitHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let limits: ConnectionLimits
    /// Requests whose head was read and whose response has not ended.
    private var open = 0
    private var readingBody = false
    private var responding = false
    /// Since when the server has been waiting for bytes it asked for: nil while bytes come, and while
    /// the server holds reading back (a route busy with what it has), which is no fault of the client's.
    private var askedSince: NIODeadline?
    /// Bytes came in since the last whole request: a request has begun (`ArrivalMarker` notes it).
    private var begun = false
    private var timer: Scheduled<Void>?
    private var answered = false

    init(limits: ConnectionLimits) {
        self.limits = limits
    }

    private var timeout: TimeAmount { .seconds(limits.requestSeconds) }

    func handlerAdded(context: ChannelHandlerContext) {
        let pipeline = context.pipeline.syncOperations
        if let parser = try? pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self) {
            try? pipeline.addHandler(ArrivalMarker { [weak self] in self?.begun = true }, position: .before(parser))
        }
        if context.channel.isActive { arm(context, at: .now() + timeout) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context, at: .now() + timeout)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if answered { return }
        switch unwrapInboundIn(data) {
        case .head:
            open += 1
            readingBody = true
        case .body:
            break
        case .end:
            readingBody = false
            begun = false
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head:
            responding = true
        case .body:
            break
        case .end:
            responding = false
            open = max(0, open - 1)
        }
        context.write(data, promise: promise)
    }

    func read(context: ChannelHandlerContext) {
        if askedSince == nil { askedSince = .now() }
        context.read()
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        askedSince = nil
        context.fireChannelReadComplete()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if answered { return }
        guard open == 0, !responding else { return context.fireErrorCaught(error) }
        let parserError = (error as? HTTPParserError) ?? ((error as? ByteToMessageDecoderError).flatMap {
            if case .dataReceivedInErrorState(let inner, _) = $0 { return inner as? HTTPParserError }
            return nil
        })
        guard let parserError else { return context.fireErrorCaught(error) }
        answer(context, .badRequest, parserError == .headerOverflow ? limits.tooLong() : ConnectionLimits.malformed)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if answered, case ChannelEvent.inputClosed = event {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    private func arm(_ context: ChannelHandlerContext, at deadline: NIODeadline) {
        timer?.cancel()
        let loop = context.eventLoop.assumeIsolated()
        timer = loop.scheduleTask(deadline: deadline) { [self] in
            self.timer = nil
            self.check(context)
        }
    }

    /// The timer: a response being made is waited for, and so is a server not reading; else a
    /// connection that sent nothing for `requestSeconds` when asked is closed, with a page saying why
    /// if a request had begun and no response has.
    private func check(_ context: ChannelHandlerContext) {
        guard !answered, context.channel.isActive else { return }
        guard !(open > 0 && !readingBody), let since = askedSince else {
            return arm(context, at: .now() + timeout)
        }
        let due = since + timeout
        if NIODeadline.now() < due { return arm(context, at: due) }
        if begun && !responding {
            answer(context, .requestTimeout, limits.timedOut())
        } else {
            // Idle between requests, as a browser's kept-alive connection is: closed without a word,
            // which every client expects (an unasked-for answer could be read as the next one's).
            context.close(promise: nil)
        }
    }

    private func answer(_ context: ChannelHandlerContext, _ status: HTTPResponse.Status, _ text: Text) {
        answered = true
        let body = ConnectionLimits.page(status, text)
        var fields: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .contentLength: String(body.readableBytes),
            .connection: "close",
            .cacheControl: "no-store",
            .xContentTypeOptions: "nosniff",
        ]
        fields[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
        context.write(wrapOutboundOut(.head(HTTPResponse(status: status, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        // The client may still be sending: closing now, with its bytes unread, would reset the
        // connection and could lose the page. Stop sending, drop what comes, close in a moment.
        context.close(mode: .output, promise: nil)
        timer?.cancel()
        let loop = context.eventLoop.assumeIsolated()
        timer = loop.scheduleTask(in: .seconds(2)) { context.close(promise: nil) }
    }
}

/// Before the HTTP parser: notes that bytes arrived, so a request only partly sent is told why its
/// connection closes, while an idle one is closed quietly.
final class ArrivalMarker: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let arrived: () -> Void

    init(_ arrived: @escaping () -> Void) {
        self.arrived = arrived
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        arrived()
        context.fireChannelRead(data)
    }
}
