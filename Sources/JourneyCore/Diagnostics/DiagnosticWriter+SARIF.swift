import Foundation

extension DiagnosticWriter {
    /// Where `helpUri` points when the caller names no documentation address: the catalogue in
    /// this repository's docs, as a relative reference (the GitHub Action passes the absolute
    /// address of the action's own copy).
    public static let defaultHelpBase = "docs/diagnostics.md"

    /// The base id that relative artifact URIs are resolved against (`originalUriBaseIds`).
    public static let sourceRootBaseID = "%SRCROOT%"

    /// SARIF 2.1.0 with one run. Every catalogued code is a rule (described and levelled from
    /// `DiagnosticCode`, with a `helpUri` of `helpBase#jm202`), so `ruleIndex` is stable across
    /// runs. Files under `baseDirectory` are relative URIs against `%SRCROOT%` (code scanning
    /// matches them to the checkout); every result has a region, line 1 for whole-file findings.
    public static func sarif(
        _ diagnostics: [Diagnostic], toolVersion: String,
        baseDirectory: String? = nil, helpBase: String = defaultHelpBase
    ) throws -> String {
        let catalogued = DiagnosticCode.all.map(\.id)
        let unknown = Set(diagnostics.map(\.code)).subtracting(catalogued).sorted()
        let ids = catalogued.sorted() + unknown
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let rules: [JSONBox] = ids.map { id in
            let code = DiagnosticCode.named(id)
            var rule: [String: JSONBox] = [
                "id": .string(id),
                "shortDescription": .object(["text": .string(code?.summary ?? "JourneyMap diagnostic \(id)")]),
                "helpUri": .string("\(helpBase)#\(id.lowercased())"),
            ]
            if let code { rule["defaultConfiguration"] = .object(["level": .string(sarifLevel(code.severity))]) }
            return .object(rule)
        }
        let base = baseDirectory.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        let results: [JSONBox] = diagnostics.map { d in
            let r = d.range
            let region: [String: JSONBox] =
                r.isWholeFile
                ? ["startLine": .int(1)]
                : [
                    "startLine": .int(r.start.line), "startColumn": .int(r.start.column),
                    "endLine": .int(max(r.end.line, r.start.line)),
                    "endColumn": .int(r.end.line > r.start.line ? max(r.end.column, 1) : max(r.end.column, r.start.column)),
                ]
            return .object([
                "ruleId": .string(d.code),
                "ruleIndex": .int(index[d.code] ?? 0),
                "level": .string(sarifLevel(d.severity)),
                "message": .object(["text": .string(d.message)]),
                "locations": .array([
                    .object([
                        "physicalLocation": .object([
                            "artifactLocation": .object(artifactLocation(r.file, base: base)),
                            "region": .object(region),
                        ])
                    ])
                ]),
            ])
        }
        var run: [String: JSONBox] = [
            "tool": .object([
                "driver": .object([
                    "name": .string("journeymap"), "version": .string(toolVersion),
                    "rules": .array(rules),
                ])
            ]),
            "columnKind": .string("unicodeCodePoints"),
            "results": .array(results),
        ]
        if helpBase.contains("://") {
            run["tool"] = .object([
                "driver": .object([
                    "name": .string("journeymap"), "version": .string(toolVersion),
                    "informationUri": .string(helpBase), "rules": .array(rules),
                ])
            ])
        }
        if let base, base.hasPrefix("/") {
            run["originalUriBaseIds"] = .object([sourceRootBaseID: .object(["uri": .string("file://" + percentEncoded(base))])])
        }
        let log: JSONBox = .object([
            "$schema": .string("https://json.schemastore.org/sarif-2.1.0.json"),
            "version": .string("2.1.0"),
            "runs": .array([.object(run)]),
        ])
        return try encode(log) + "\n"
    }

    /// A relative URI against `%SRCROOT%` for a path inside the base (or already relative);
    /// an absolute `file://` URI for anything else.
    static func artifactLocation(_ path: String, base: String?) -> [String: JSONBox] {
        var relative = path
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        if let base, relative.hasPrefix(base) { relative.removeFirst(base.count) }
        if relative.hasPrefix("/") { return ["uri": .string("file://" + percentEncoded(relative))] }
        return ["uri": .string(percentEncoded(relative)), "uriBaseId": .string(sourceRootBaseID)]
    }

    /// RFC 3986 path encoding: unreserved characters and `/` stay, everything else is %XX.
    static func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
