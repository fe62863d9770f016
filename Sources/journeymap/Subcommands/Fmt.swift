import ArgumentParser
import JourneyCore
import JourneyWorkflow

struct Fmt: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rewrite journey files in the canonical layout (comments kept).")

    @OptionGroup var input: InputOptions

    @Flag(help: "Change nothing; list the files that are not formatted and exit 1 if any.")
    var check = false

    func run() throws {
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
}
