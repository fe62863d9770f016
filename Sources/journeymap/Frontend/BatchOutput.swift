import Foundation
import JourneyCore
import JourneyWorkflow

/// Prints a batch's events: diagnostics and errors on standard error, the files written on
/// standard output, progress on a terminal only.
struct BatchOutput {
    let colored: Bool
    /// `--quiet`: errors only (no progress, warnings, notes, `wrote` or `up to date` lines).
    let quiet: Bool
    private var progress: Progress?

    init(colored: Bool, quiet: Bool = false) {
        self.colored = colored
        self.quiet = quiet
    }

    mutating func print(_ event: BatchEvent) {
        switch event {
        case .progress(let index, let total, let path):
            if progress == nil { progress = Progress(total: quiet ? 0 : total) }
            progress?.update(index, path)
        case .journey(let r):
            progress?.clear()
            Terminal.err(
                DiagnosticPrinter(sources: r.sources, colored: colored).format(
                    r.diagnostics.sortedForOutput().filter { quiet ? $0.severity == .error : $0.severity != .note }))
            for path in r.written where !quiet { Terminal.out("wrote \(path)\n") }
        case .error(let message):
            progress?.clear()
            Terminal.err("error: \(message)\n")
        case .workerOutput(let text):
            progress?.clear()
            Terminal.err(text)
        case .upToDate(let n):
            if quiet { return }
            Terminal.err("up to date: \(n) journey\(n == 1 ? "" : "s")\n")
        }
    }

    func finish() { progress?.finish() }
}

/// `--format svg,png`: one parser for `render` and `watch` (spaces around names allowed).
enum FormatList {
    static func parse(_ text: String) -> [OutputKind]? {
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let kinds = names.compactMap(OutputKind.init(rawValue:))
        return !kinds.isEmpty && kinds.count == names.count ? kinds : nil
    }
}
