/// The base protocol's framing: each message is `Content-Length: N\r\n` (other headers
/// allowed and ignored), a blank line, then N bytes of UTF-8 JSON.
public struct MessageFramer: Sendable {
    /// A message larger than this is refused (its bytes are skipped): a bound on what a
    /// broken or hostile client can make the server hold in memory.
    public static let maxMessageBytes = 64 * 1_048_576
    /// Headers longer than this without a blank line are not headers.
    static let maxHeaderBytes = 8 * 1024

    /// What came out of the byte stream.
    public enum Item: Hashable, Sendable {
        /// The body of one message.
        case message([UInt8])
        /// Bytes that could not be read as a message, with the reason (the stream goes on
        /// after them).
        case malformed(String)
    }

    private var buffer: [UInt8] = []
    private var start = 0
    /// Body bytes still to drop of a message that was too large.
    private var skipping = 0

    /// A reader with nothing buffered.
    public init() {}

    /// Adds bytes read from the stream and returns every complete item they finish.
    public mutating func append(_ bytes: [UInt8]) -> [Item] {
        buffer += bytes
        var items: [Item] = []
        while let item = nextItem() { items.append(item) }
        // Drop what has been consumed, now and then, so the buffer does not grow forever.
        if start > 65_536 || start == buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        return items
    }

    private mutating func nextItem() -> Item? {
        if skipping > 0 {
            let n = min(skipping, buffer.count - start)
            start += n
            skipping -= n
            if skipping > 0 { return nil }
        }
        guard let headerEnd = findHeaderEnd() else {
            if buffer.count - start > Self.maxHeaderBytes {
                start = buffer.count
                return .malformed("no blank line after \(Self.maxHeaderBytes) bytes of headers")
            }
            return nil
        }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        let bodyStart = headerEnd + 4
        var length: Int?
        for line in header.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            if parts[0].trimmingCharacters(in: " ").lowercased() == "content-length" {
                length = Int(parts[1].trimmingCharacters(in: " "))
            }
        }
        guard let length, length >= 0 else {
            start = bodyStart
            return .malformed("a message header without a valid Content-Length")
        }
        if length > Self.maxMessageBytes {
            start = bodyStart
            skipping = length
            return .malformed("a message of \(length) bytes; the largest accepted is \(Self.maxMessageBytes)")
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        start = bodyStart + length
        return .message(body)
    }

    /// The index of the `\r\n\r\n` that ends the headers.
    private func findHeaderEnd() -> Int? {
        var i = start
        while i + 3 < buffer.count {
            if buffer[i] == 13, buffer[i + 1] == 10, buffer[i + 2] == 13, buffer[i + 3] == 10 { return i }
            i += 1
        }
        return nil
    }

    /// One message, framed for the stream.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> Substring {
        var s = self
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return s
    }
}
