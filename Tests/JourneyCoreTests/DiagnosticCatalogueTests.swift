import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

/// The diagnostic catalogue (`DiagnosticCode`) is complete and documented: every code the
/// sources report is catalogued, every catalogued code is reported somewhere and has a row
/// in docs/diagnostics.md with its severity and an example message.
@Suite struct DiagnosticCatalogueTests {
    static let catalogueFile = "Sources/JourneyCore/Diagnostics/DiagnosticCode.swift"

    /// Every Swift file under Sources/ but the catalogue itself, by relative path.
    static let sources: [(path: String, text: String)] = {
        let root = Repo.path("Sources")
        let walker = FileManager.default.enumerator(atPath: root)
        var out: [(String, String)] = []
        while let rel = walker?.nextObject() as? String {
            guard rel.hasSuffix(".swift"), "Sources/" + rel != catalogueFile,
                let data = FileManager.default.contents(atPath: root + "/" + rel)
            else { continue }
            out.append(("Sources/" + rel, String(decoding: data, as: UTF8.self)))
        }
        return out.sorted { $0.0 < $1.0 }
    }()

    static func matches(_ pattern: String, in text: String) -> [[String]] {
        let re = try! NSRegularExpression(pattern: pattern)
        let ns = text as NSString
        return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
            (0..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
        }
    }

    /// (member name, id) for every `public static let NAME = DiagnosticCode("JMnnn", …)`.
    static let declared: [(name: String, id: String)] = {
        let text = String(decoding: FileManager.default.contents(atPath: Repo.path(catalogueFile)) ?? Data(), as: UTF8.self)
        return matches(#"static let (\w+) = DiagnosticCode\(\s*"(JM\d{3})""#, in: text).map { ($0[1], $0[2]) }
    }()

    @Test func everyDeclaredCodeIsListedOnceWithAWellFormedID() {
        let all = DiagnosticCode.all
        #expect(Self.declared.count >= 64, "the catalogue file was found and read")
        #expect(Set(Self.declared.map(\.id)) == Set(all.map(\.id)), "`all` lists every static member")
        #expect(Set(all.map(\.id)).count == all.count, "no code twice")
        #expect(all.map(\.id) == all.map(\.id).sorted(), "in code order")
        for code in all {
            #expect(code.id.wholeMatch(of: /JM[0-9]{3}/) != nil, "\(code.id)")
            #expect(!code.summary.isEmpty && !code.summary.contains("\n"), "\(code.id): a one-line summary")
            #expect(DiagnosticCode.named(code.id) == code)
        }
    }

    @Test func everyCodeLiteralInTheSourcesIsCatalogued() {
        var seen = 0
        for (path, text) in Self.sources {
            for m in Self.matches(#""(JM\d{3})""#, in: text) {
                seen += 1
                #expect(DiagnosticCode.named(m[1]) != nil, "\(path): \(m[1]) is not in \(Self.catalogueFile)")
                // Call sites name the catalogue member (`.unknownDepartment`), never the text.
                Issue.record("\(path): the code \(m[1]) is written as text; use its DiagnosticCode member")
            }
        }
        let names = Set(Self.declared.map(\.name))
        let members = Self.sources.reduce(0) { $0 + Self.matches(#"\.(\w+)\b"#, in: $1.text).filter { names.contains($0[1]) }.count }
        #expect(seen + members >= 64, "the sources were found and scanned")
    }

    /// A catalogued code nobody reports is a stale entry (or a call site lost in a refactor).
    @Test func everyCatalogedCodeIsReportedSomewhere() {
        var seen = Set<String>()
        for (_, text) in Self.sources {
            for m in Self.matches(#"\.(\w+)\b|"(JM\d{3})""#, in: text) { seen.insert(m[1].isEmpty ? m[2] : m[1]) }
        }
        for (name, id) in Self.declared {
            #expect(seen.contains(id) || seen.contains(name), "\(id) (.\(name)) is catalogued but no source reports it")
        }
    }

    /// `| JMnnn | severity | meaning | example | what to do |` for every code, and no row for a
    /// code that does not exist.
    @Test func everyCodeIsDocumentedWithItsSeverityAndAnExample() throws {
        let doc = String(decoding: try #require(FileManager.default.contents(atPath: Repo.path("docs/diagnostics.md"))), as: UTF8.self)
        var rows: [String: [String]] = [:]
        for line in doc.split(separator: "\n") where line.hasPrefix("| JM") {
            let cells = line.replacingOccurrences(of: "\\|", with: "¦").split(separator: "|", omittingEmptySubsequences: false)
                .dropFirst().dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(cells.count == 5, "\(line)")
            #expect(rows[cells[0]] == nil, "\(cells[0]) is documented twice")
            rows[cells[0]] = cells
        }
        for code in DiagnosticCode.all {
            let row = try #require(rows[code.id], "\(code.id) (\(code.summary)) is not in docs/diagnostics.md")
            #expect(row[1].hasPrefix(code.severity.rawValue), "\(code.id): the docs say '\(row[1])', the catalogue \(code.severity)")
            #expect(!row[2].isEmpty, "\(code.id): a meaning")
            #expect(row[3].hasPrefix("`") && row[3].count > 4, "\(code.id): an example message in backticks")
        }
        for id in rows.keys.sorted() {
            #expect(DiagnosticCode.named(id) != nil, "docs/diagnostics.md documents \(id), which the catalogue does not have")
        }
    }

    @Test func diagnosticsBuiltFromTheCatalogueCarryItsIdentityAndSeverity() {
        let r = SourceRange.file("x.journey")
        let d = Diagnostic(.touchpointWithoutOwner, "touchpoint 'a' has no owner", at: r)
        #expect(d.code == "JM208" && d.severity == .warning && d.kind == .touchpointWithoutOwner)
        let strict = Diagnostic(.rejectedRow, "nps 11 is outside its scale 0..10", at: r, severity: .error)
        #expect(strict.code == "JM310" && strict.severity == .error)
    }
}
