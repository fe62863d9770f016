/// Numbers and dates as each language writes them (CLDR): English "1,234.5", Polish
/// "1234,5" and "12 345,5" (no separator in four-digit numbers), Russian and Ukrainian
/// "1 234,5" (a no-break space groups thousands). Every language gets the real minus sign
/// "−" (U+2212), as the maps always had. Deterministic: no Foundation locale is consulted.
extension Language {
    /// "." in English, "," in Polish, Russian and Ukrainian.
    public var decimalSeparator: String { self == .en ? "." : "," }

    /// "," in English; a no-break space (U+00A0) in Polish, Russian and Ukrainian.
    public var groupingSeparator: String { self == .en ? "," : "\u{A0}" }

    /// Polish leaves four-digit numbers ungrouped (CLDR minimumGroupingDigits 2): "2000", "20 000".
    var minimumGroupingDigits: Int { self == .pl ? 2 : 1 }

    /// A whole number with thousands grouped: "2,000", "2000" (pl), "2 000" (ru, uk).
    public func integer(_ n: Int) -> String {
        (n < 0 ? "−" : "") + grouped(String(n.magnitude))
    }

    /// `x` with exactly `decimals` decimals (0, 1 or 2), grouped, with "−" for negatives and
    /// never "−0".
    public func fixed(_ x: Double, _ decimals: Int = 1) -> String {
        guard x.isFinite else { return "–" }
        let d = max(0, min(decimals, 3))
        var p = 1.0
        for _ in 0..<d { p *= 10 }
        let scaled = (abs(x) * p).rounded()
        let whole = (scaled / p).rounded(.down)
        var s = grouped(String(Int(whole)))
        if d > 0 {
            var frac = String(Int(scaled - whole * p))
            while frac.count < d { frac = "0" + frac }
            s += decimalSeparator + frac
        }
        return (x < 0 && scaled > 0 ? "−" : "") + s
    }

    /// `x` with a sign: "+12", "−4", "0" (zero has none).
    public func signed(_ x: Double, _ decimals: Int = 0) -> String {
        let s = fixed(x, decimals)
        return s.hasPrefix("−") || s == fixed(0, decimals) ? s : "+" + s
    }

    /// At most one decimal, dropped when it is 0: "12", "12.5" / "12,5" (the reports' style).
    public func number(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return fixed(r, r == r.rounded() ? 0 : 1)
    }

    /// `number` with a sign for positives: "+12", "−4,5", "0".
    public func signedNumber(_ x: Double) -> String {
        let s = number(x)
        return s.hasPrefix("−") || s == "0" ? s : "+" + s
    }

    /// A percentage of already-formatted digits: "14%" (en, pl, uk), "14 %" (ru, with a no-break space).
    public func percent(_ digits: String) -> String { self == .ru ? digits + "\u{A0}%" : digits + "%" }

    /// A percentage: `percent(14.4, 0)` is "14%".
    public func percent(_ x: Double, _ decimals: Int = 0) -> String { percent(fixed(x, decimals)) }

    /// An interval written compactly: "−29…−7".
    public func range(_ low: String, _ high: String) -> String { low + "…" + high }

    /// A calendar date from `YYYY-MM-DD`: unchanged in English (ISO 8601, read the same
    /// everywhere), "01.03.2024" in Polish, Russian and Ukrainian. Anything else is returned as given.
    public func date(_ iso: String) -> String {
        guard self != .en else { return iso }
        let p = iso.split(separator: "-")
        guard p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2, p.allSatisfy({ $0.allSatisfy(\.isNumber) }) else {
            return iso
        }
        return "\(p[2]).\(p[1]).\(p[0])"
    }

    func grouped(_ digits: String) -> String {
        guard digits.count >= 3 + minimumGroupingDigits else { return digits }
        var out = ""
        let chars = Array(digits)
        for (i, c) in chars.enumerated() {
            if i > 0, (chars.count - i) % 3 == 0 { out += groupingSeparator }
            out.append(c)
        }
        return out
    }
}
