/// Reading values from raw field bytes, strictly: ASCII digits only (no `٣`, no full-width
/// `１`), no exponent, no NaN or infinity, no hex, optional sign and one decimal point,
/// surrounding spaces allowed. Anything else is a rejected value, not a silent nil.
enum FieldParsing {
    enum NumberResult: Equatable {
        case blank
        case value(Double)
        case invalid
    }

    static func number(_ b: UnsafeBufferPointer<UInt8>) -> NumberResult {
        var i = 0, n = b.count
        while i < n, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
        while n > i, b[n - 1] == 0x20 || b[n - 1] == 0x09 { n -= 1 }
        if i == n { return .blank }
        var negative = false
        if b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        var whole = 0.0
        var digits = 0
        var fraction = 0.0
        var scale = 1.0
        var seenPoint = false
        while i < n {
            let c = b[i]
            if c >= 0x30, c <= 0x39 {
                digits += 1
                if digits > 15 { return .invalid }  // no score needs this; avoids precision games
                if seenPoint {
                    scale /= 10
                    fraction += Double(c - 0x30) * scale
                } else {
                    whole = whole * 10 + Double(c - 0x30)
                }
            } else if c == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                return .invalid
            }
            i += 1
        }
        if digits == 0 { return .invalid }
        let v = whole + fraction
        return .value(negative ? -v : v)
    }

    /// `YYYY-MM-DD` (optionally followed by a time) as yyyymmdd, validated against the
    /// calendar. nil: not a date.
    static func date(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i < b.count, b[i] == 0x20 { i += 1 }
        guard b.count - i >= 10 else { return nil }
        func digit(_ k: Int) -> Int? {
            let c = b[i + k]
            return c >= 0x30 && c <= 0x39 ? Int(c - 0x30) : nil
        }
        guard b[i + 4] == UInt8(ascii: "-"), b[i + 7] == UInt8(ascii: "-"),
            let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
            let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9)
        else { return nil }
        if b.count - i > 10 {
            let next = b[i + 10]
            guard next == 0x20 || next == UInt8(ascii: "T") else { return nil }
        }
        let y = y0 * 1000 + y1 * 100 + y2 * 10 + y3, m = m0 * 10 + m1, d = d0 * 10 + d1
        guard (1...12).contains(m), d >= 1 else { return nil }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard d <= days[m - 1] else { return nil }
        return y * 10000 + m * 100 + d
    }

    static func dateString(_ yyyymmdd: Int) -> String {
        func pad(_ v: Int, _ w: Int) -> String {
            var s = String(v)
            while s.count < w { s = "0" + s }
            return s
        }
        return "\(pad(yyyymmdd / 10000, 4))-\(pad(yyyymmdd / 100 % 100, 2))-\(pad(yyyymmdd % 100, 2))"
    }

    /// True when the trimmed field is empty.
    static func isBlank(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// Lowercased ASCII copy with surrounding spaces trimmed (for matching words).
    static func key(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var s = 0, e = b.count
        while s < e, b[s] == 0x20 || b[s] == 0x09 { s += 1 }
        while e > s, b[e - 1] == 0x20 || b[e - 1] == 0x09 { e -= 1 }
        var out = [UInt8](repeating: 0, count: e - s)
        for k in s..<e {
            let c = b[k]
            out[k - s] = c >= 0x41 && c <= 0x5A ? c + 32 : c
        }
        return out
    }
}

/// Interns byte strings (touchpoint ids, categories, segments) without making a `String` per
/// row: a small open-addressing table keyed by the bytes.
struct ByteTable {
    private var keys: [[UInt8]] = []
    private var slots: [Int32]
    private var mask: Int

    init() {
        slots = [Int32](repeating: -1, count: 64)
        mask = 63
    }

    var count: Int { keys.count }
    func key(_ id: Int) -> [UInt8] { keys[id] }

    private static func hash(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in b { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h)
    }

    /// The id of `b`, or nil when absent.
    func find(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = ByteTable.hash(b) & mask
        while true {
            let s = slots[i]
            if s < 0 { return nil }
            let k = keys[Int(s)]
            if k.count == b.count, k.withUnsafeBufferPointer({ memcmpEqual($0, b) }) { return Int(s) }
            i = (i + 1) & mask
        }
    }

    /// The id of `b`, inserting it when absent.
    mutating func intern(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        if let id = find(b) { return id }
        if (keys.count + 1) * 2 > slots.count { grow() }
        keys.append(Array(b))
        place(keys.count - 1)
        return keys.count - 1
    }

    mutating func intern(_ s: String) -> Int {
        var bytes = Array(s.utf8)
        return bytes.withUnsafeMutableBufferPointer { intern(UnsafeBufferPointer($0)) }
    }

    private mutating func place(_ id: Int) {
        var i = keys[id].withUnsafeBufferPointer { ByteTable.hash($0) } & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = Int32(id)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for id in keys.indices { place(id) }
    }
}

@inline(__always)
func memcmpEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    if a.count == 0 { return true }
    return memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
