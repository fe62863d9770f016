#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import ArgumentParser
import JourneyLSP
import JourneyWorkflow

struct Lsp: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Language server for editors (LSP over standard input and output).",
        discussion: """
            Started by an editor, not by hand: diagnostics as you type, formatting, go to \
            definition, references, rename, hover with joined feedback, completion and an \
            outline. Set-up for VS Code, Neovim and Sublime Text: docs/editors.md.
            """)

    /// Some clients add `--stdio`; standard input and output is the only transport anyway.
    @Flag(help: .hidden)
    var stdio = false

    func run() throws {
        let code = LanguageServer.run(version: JourneyMapVersion.string, read: Self.readStandardInput) { bytes in
            // The framed JSON is UTF-8 throughout, so this round trip is exact.
            Terminal.out(String(decoding: bytes, as: UTF8.self))
        }
        if code != 0 { throw ExitCode(code) }
    }

    /// The next chunk of standard input; nil at its end or on a read error.
    static func readStandardInput() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n > 0 { return Array(buffer[..<n]) }
            if n < 0, errno == EINTR { continue }
            return nil
        }
    }
}
