import ArgumentParser
import JourneyCore
import JourneyWorkflow

struct Fmt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite journey files in the canonical layout (comments kept).")

    @OptionGroup var input: InputOptions

    @Flag(help: "Change nothing; list the files that are not formatted and exit 1 if any.")
    var check = false

    @Option(help: ArgumentHelp("With '-' (standard input, formatted to standard output): the file name for messages.", valueName: "name"))
    var stdinFilename: String = StandardInput.defaultName

    func run() throws {
        if try StandardInput.isRequested(input.paths) { return try formatStandardInput() }
        let inputs = try Inputs.resolve(input.paths)
        var unformatted: [String] = []
        var failed = false
        for item in inputs {
            switch FormatJob.run(path: item.path, write: !check, maxFileSize: input.maxFileSize * 1_048_576) {
            case .unchanged: break
            case .changed:
                unformatted.append(item.path)
                if !check, !input.quiet { Terminal.out("formatted \(item.path)\n") }
            case .failed(let diagnostics, let sources):
                failed = true
                Terminal.err(DiagnosticPrinter(sources: sources, colored: input.color.enabled).format(diagnostics))
            }
        }
        if check {
            for path in unformatted { Terminal.out("\(path)\n") }
            if !unformatted.isEmpty {
                Terminal.err("\(unformatted.count) file(s) not formatted; run 'journeymap fmt' on them\n")
                throw ExitCode(1)
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// `fmt -`: the formatted text on standard output (nothing on it when the input cannot be
    /// parsed, so an editor keeps its buffer); `--check`: exit 1 when it would change.
    private func formatStandardInput() throws {
        let bytes = try StandardInput.readAll(limit: input.maxFileSize * 1_048_576)
        switch FormatJob.format(bytes: bytes, path: stdinFilename) {
        case .success(let formatted):
            if !check {
                Terminal.out(String(decoding: formatted, as: UTF8.self))
            } else if formatted != bytes {
                Terminal.out("\(stdinFilename)\n")
                Terminal.err("\(stdinFilename) is not formatted; run 'journeymap fmt' on it\n")
                throw ExitCode(1)
            }
        case .failure(let f):
            Terminal.err(DiagnosticPrinter(sources: f.sources, colored: input.color.enabled).format(f.diagnostics))
            throw ExitCode(1)
        }
    }
}
