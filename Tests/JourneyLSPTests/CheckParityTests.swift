import Foundation
import JourneyLSP
import JourneyTestSupport
import Testing

/// The server publishes what `journeymap check FILE --format json` prints: the same codes at
/// the same places (converted to 0-based lines and UTF-16 columns), for every file they are
/// in (the journey, its includes, its data files).
@Suite struct CheckParityTests {
    static let journeys = [
        "journeys/air-travel.journey", "journeys/online-return.journey", "journeys/bank-account.journey",
        "Tests/JourneyCoreTests/Fixtures/diagnostics/five-mistakes.journey",
        "Tests/JourneyCoreTests/Fixtures/diagnostics/syntax-recovery.journey",
        "Tests/JourneyCoreTests/Fixtures/diagnostics/warnings.journey",
        "Tests/JourneyCoreTests/Fixtures/diagnostics/include-cycle.journey",
        "Tests/JourneyCoreTests/Fixtures/valid/unicode.journey",
    ]

    struct Finding: Hashable, CustomStringConvertible {
        var uri: String, code: String, line: Int, character: Int, endLine: Int, endCharacter: Int
        var description: String { "\(uri.split(separator: "/").last ?? ""):\(line):\(character)-\(endLine):\(endCharacter) \(code)" }
    }

    /// A 1-based line and scalar column as a 0-based UTF-16 column, computed with the
    /// standard library from the file's text (independently of `PositionMap`).
    static func utf16Column(_ path: String, line: Int, column: Int) -> Int {
        guard line >= 1, let text = try? String(contentsOfFile: path, encoding: .utf8) else { return max(0, column - 1) }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        guard line <= lines.count else { return column - 1 }
        return String(String.UnicodeScalarView(lines[line - 1].unicodeScalars.prefix(column - 1))).utf16.count
    }

    @Test(arguments: journeys)
    func diagnosticsMatchCheck(_ relative: String) throws {
        let path = Repo.path(relative)
        let folder = (path as NSString).deletingLastPathComponent
        // check FILE confines includes and data to the file's folder: the same root here.
        let run = Process()
        run.executableURL = URL(fileURLWithPath: Repo.binary)
        run.arguments = ["check", relative, "--format", "json"]
        run.currentDirectoryURL = URL(fileURLWithPath: Repo.root)
        let out = Pipe()
        run.standardOutput = out
        run.standardError = FileHandle.nullDevice
        try run.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        run.waitUntilExit()
        let json = try JSONValue.parse(Array(data))
        let expected = Set(
            try #require(json["diagnostics"]?.array).map { d -> Finding in
                let file = Repo.path(d["file"]!.string!)
                let line = d["line"]!.int!, endLine = d["endLine"]!.int!
                return Finding(
                    uri: DocumentURI.uri(of: file), code: d["code"]!.string!,
                    line: max(0, line - 1), character: Self.utf16Column(file, line: line, column: d["column"]!.int!),
                    endLine: max(0, endLine - 1), endCharacter: Self.utf16Column(file, line: endLine, column: d["endColumn"]!.int!))
            })
        #expect(!expected.isEmpty, "check found nothing in \(relative): the comparison would prove little")

        let client = ScriptedClient()
        _ = try client.call("initialize", ["rootUri": .string(DocumentURI.uri(of: folder)), "capabilities": [:]])
        client.notify("initialized", [:])
        let uri = DocumentURI.uri(of: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        client.notify(
            "textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "journey", "version": 1, "text": .string(text)]])
        // Then a request: every notification the open caused arrives before its reply.
        let notes = try client.replies(to: client.request("shutdown")).notifications
        var got = Set<Finding>()
        for n in notes where n["method"]?.string == "textDocument/publishDiagnostics" {
            let target = n["params"]!["uri"]!.string!
            for d in n["params"]!["diagnostics"]!.array! {
                let r = d["range"]!
                got.insert(
                    Finding(
                        uri: target, code: d["code"]!.string!, line: r["start"]!["line"]!.int!, character: r["start"]!["character"]!.int!,
                        endLine: r["end"]!["line"]!.int!, endCharacter: r["end"]!["character"]!.int!))
            }
        }
        client.notify("exit")
        #expect(client.finish() == 0)
        #expect(
            got == expected,
            "only in lsp: \(got.subtracting(expected).sorted { $0.description < $1.description }); only in check: \(expected.subtracting(got).sorted { $0.description < $1.description })"
        )
    }
}
